import { z } from 'zod';
import { emptyRequest } from './empty-request';
import { accountRequestSchemas } from '../account/protocol';
import { historyRequestSchemas } from '../history/protocol';
import { vendorIdSchema } from '../sources/types';
import type { MessageType } from './protocol';

/** A selection larger than this is refused outright: bounded work, whatever a page sends. */
export const MAX_MESSAGE_TEXT = 12 * 1024 * 1024;

/** The most one "yes, up to X credits" may consent to: a click is for one figure, not a budget. */
export const MAX_CONSENTED_CREDITS = 100;

const vendorRequest = z.object({ vendor: vendorIdSchema.optional() }).strict();

export const requestSchemas = {
  estimate: z.object({
    text: z.string().max(MAX_MESSAGE_TEXT),
    record: z.boolean().optional(),
    consent: z.object({ maxCredits: z.number().finite().nonnegative().max(MAX_CONSENTED_CREDITS) }).strict().optional(),
  }).strict(),
  inlineConfig: z.object({ host: z.string().max(253) }).strict(),
  getSettings: emptyRequest,
  // Field values are checked by the settings module, which explains each problem.
  saveSettings: z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
  setApiKey: z.object({ key: z.string().max(1024), vendor: vendorIdSchema.optional() }).strict(),
  clearApiKey: vendorRequest,
  keyStatus: vendorRequest,
  ...accountRequestSchemas,
  ...historyRequestSchemas,
} satisfies Record<MessageType, z.ZodType>;

export const envelopeSchema = z.object({
  scriptmeter: z.literal(1),
  type: z.enum(Object.keys(requestSchemas) as [MessageType, ...MessageType[]]),
  data: z.unknown(),
});
