import type { z } from 'zod';
import { createHttp, type VendorHttpOptions } from '../http';
import type { CreditsMeta } from '../types';
import {
  envelopeSchema, predictDataSchema, predictRequestSchema, readAudioStackEnvelope,
  readMeta, scriptsDataSchema, voiceListDataSchema, voiceSchema, type AudioStackVoice,
} from './schemas';

/** What each call costs, as the caller's rate table says (lib/rates/tables.ts). */
export interface AudioStackPrices {
  predict: number;
  voices: number;
}

export interface AudioStackClientOptions extends VendorHttpOptions {
  prices: AudioStackPrices;
  /** Told of every envelope seen, answers and errors alike: the balance is only ever read there. */
  onMeta?: (meta: CreditsMeta) => void;
}

export interface Answer<T> {
  data: T;
  meta: CreditsMeta;
}

export interface AudioStackClient {
  /** Seconds of speech for `text` with the voice, at the voice's own pace. Paid. */
  predict(text: string, alias: string, signal?: AbortSignal): Promise<Answer<{ length: number }>>;
  /** Every voice; a voice off the schema is left out. Paid. */
  listVoices(signal?: AbortSignal): Promise<Answer<AudioStackVoice[]>>;
  /** The cheapest call whose envelope carries the balance (0 credits). */
  scripts(signal?: AbortSignal): Promise<Answer<unknown>>;
}

export function createAudioStackClient(options: AudioStackClientOptions): AudioStackClient {
  const seen = (meta: CreditsMeta) => {
    if (meta.creditsUsed !== undefined || meta.creditsRemaining !== undefined) options.onMeta?.(meta);
  };
  const http = createHttp({
    ...options,
    keyHeader: 'x-api-key',
    vendorName: 'AudioStack',
    readEnvelope: (body) => {
      const reading = readAudioStackEnvelope(body);
      seen(reading.meta);
      return reading;
    },
  });

  /** Parses an answer's envelope, reports its credits and hands back data and meta. */
  async function call<T extends z.ZodType>(
    request: (schema: ReturnType<typeof envelopeSchema<T>>) => Promise<unknown>, data: T,
  ): Promise<Answer<z.infer<T>>> {
    const body = await request(envelopeSchema(data));
    const meta = readMeta(body);
    seen(meta);
    return { data: (body as { data: z.infer<T> }).data, meta };
  }

  return {
    async predict(text, alias, signal) {
      const body = predictRequestSchema.parse({ text, voice: alias });
      const answer = await call((schema) => http.post('speech/predict', body, schema, { signal, paidCredits: options.prices.predict }), predictDataSchema);
      return { data: { length: answer.data.length }, meta: answer.meta };
    },
    async listVoices(signal) {
      const answer = await call((schema) => http.get('speech/voice', {}, schema, { signal, paidCredits: options.prices.voices }), voiceListDataSchema);
      const voices = answer.data.voices.flatMap((raw) => {
        const voice = voiceSchema.safeParse(raw);
        return voice.success ? [voice.data] : [];
      });
      return { data: voices, meta: answer.meta };
    },
    scripts: (signal) => call((schema) => http.get('content/scripts', {}, schema, { signal }), scriptsDataSchema),
  };
}
