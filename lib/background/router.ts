import { CONTENT_SCRIPT_MESSAGES, type MessageType, type RequestOf, type ResponseOf } from '../messages/protocol';
import { contentScriptRequestSchemas, envelopeSchema, requestSchemas } from '../messages/schemas';

/** The parts of a message sender that decide trust. */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/** Handlers get the sender as the browser reported it, already checked to be this extension. */
export type Handlers = { [K in MessageType]: (data: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> };

export interface RouterContext {
  extensionId: string;
  /** Origin+path prefix of this extension's own pages, e.g. chrome-extension://ID/ */
  extensionBaseUrl: string;
}

/**
 * Builds the runtime.onMessage listener: foreign or malformed messages are ignored, content scripts
 * may only ask for estimates (and never pass consent to spend), and every request is schema-checked
 * before a handler sees it.
 */
export function createMessageListener(handlers: Handlers, context: RouterContext) {
  return (message: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || sender.id !== context.extensionId) return undefined;
    const { type } = envelope.data;
    const fromExtensionPage = sender.url?.startsWith(context.extensionBaseUrl) ?? false;
    if (!fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(type)) {
      return Promise.reject(new Error(`"${type}" is only available to ScriptMeter's own pages.`));
    }
    const schema = (!fromExtensionPage && contentScriptRequestSchemas[type]) || requestSchemas[type];
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) return Promise.reject(new Error(`Malformed "${type}" message.`));
    return dispatch(handlers, type, data.data, sender);
  };
}

function dispatch<K extends MessageType>(handlers: Handlers, type: K, data: unknown, sender: SenderInfo): Promise<ResponseOf<K>> {
  // The schema for `type` has just accepted `data`.
  return handlers[type](data as RequestOf<K>, sender);
}
