import { z } from 'zod';
import { emptyRequest } from './empty-request';
import { accountRequestSchemas } from '../account/protocol';
import { historyRequestSchemas } from '../history/protocol';
import { calibrationRequestSchemas } from '../calibration/protocol';
import { estimateRequestSchemas } from '../estimate/protocol';
import { MAX_MESSAGE_TEXT } from './limits';
import { vendorIdSchema } from '../sources/types';
import { sourcesRequestSchemas } from '../sources/protocol';
import { MAX_OFFER_TOKEN } from '../spend/offer-token';
import type { MessageType } from './protocol';

// Its own module, so protocol maps that schemas.ts spreads in can use it without an import cycle.
export { MAX_MESSAGE_TEXT };

/** The most one "yes, up to X credits" may consent to: a click is for one figure, not a budget. */
export const MAX_CONSENTED_CREDITS = 100;

const vendorRequest = z.object({ vendor: vendorIdSchema.optional() }).strict();

const estimateRequest = z.object({
  text: z.string().max(MAX_MESSAGE_TEXT),
  record: z.boolean().optional(),
  consent: z.object({ maxCredits: z.number().finite().nonnegative().max(MAX_CONSENTED_CREDITS) }).strict().optional(),
  offer: z.string().max(MAX_OFFER_TOKEN).optional(),
}).strict();

export const requestSchemas = {
  estimate: estimateRequest,
  inlineConfig: z.object({ host: z.string().max(253) }).strict(),
  getSettings: emptyRequest,
  // Field values are checked by the settings module, which explains each problem.
  saveSettings: z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
  setApiKey: z.object({ key: z.string().max(1024), vendor: vendorIdSchema.optional() }).strict(),
  clearApiKey: vendorRequest,
  keyStatus: vendorRequest,
  ...accountRequestSchemas,
  ...historyRequestSchemas,
  ...calibrationRequestSchemas,
  ...sourcesRequestSchemas,
  ...estimateRequestSchemas,
} satisfies Record<MessageType, z.ZodType>;

/**
 * What a content script may send, where it differs: no `consent`, since a hostile page can drive a
 * content script. Its way to a paid figure is the offer token the background signed (a message
 * with `consent` is refused as malformed).
 */
export const contentScriptRequestSchemas: Partial<Record<MessageType, z.ZodType>> = {
  estimate: estimateRequest.omit({ consent: true }).strict(),
};

export const envelopeSchema = z.object({
  scriptmeter: z.literal(1),
  type: z.enum(Object.keys(requestSchemas) as [MessageType, ...MessageType[]]),
  data: z.unknown(),
});
