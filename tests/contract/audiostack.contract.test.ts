import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAudioStackClient, envelopeSchema, errorBodySchema, metaSchema, predictDataSchema, predictRequestSchema, voiceSchema,
} from '@/lib/sources/audiostack';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';

/**
 * Both sides of AudioStack against one set of schemas (lib/sources/audiostack/schemas.ts, written
 * from ../shared/api/audiostack.md): what the client sends, and what the double answers.
 */

let double: AudioStackDouble;
beforeAll(async () => { double = await startAudioStackDouble({ balance: 100 }); });
afterAll(() => double.close());
beforeEach(() => double.control.reset());

const client = () => createAudioStackClient({ baseUrl: double.url, apiKey: 'test-key', prices: { predict: 0.25, voices: 0.25 }, backoffBaseMs: 1 });

/** Strict: an answer with a field the sheet does not name fails. */
const strictEnvelope = <T extends z.ZodType>(data: T) => envelopeSchema(data).strict()
  .refine((body) => (body.meta === undefined) !== (body.metadata === undefined), 'exactly one of meta and metadata');
const strictMeta = metaSchema.strict();

async function raw(path: string, init: RequestInit & { key?: string } = {}): Promise<{ status: number; type: string; text: string; headers: Headers }> {
  const response = await fetch(`${double.url}${path}`, {
    ...init,
    headers: { 'x-api-key': init.key ?? 'test-key', 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), headers: response.headers };
}

describe("the client's requests", () => {
  it('sends the predict body the sheet gives (text and alias, nothing else) with the key in x-api-key', async () => {
    await client().predict('Hello there. How are you?', 'sara');
    const [request] = double.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/speech/predict' });
    expect(predictRequestSchema.safeParse(request?.body).success).toBe(true);
    expect(request?.body).toEqual({ text: 'Hello there. How are you?', voice: 'sara' });
    expect(request?.headers['x-api-key']).toBe('test-key');
    expect(request?.headers['x-sup-api-key']).toBeUndefined();
  });

  it('reads voices and the balance from the routes the sheet lists', async () => {
    const c = client();
    await c.listVoices();
    await c.scripts();
    expect(double.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /speech/voice', 'GET /content/scripts',
    ]);
  });
});

describe("the double's answers", () => {
  it.each(['meta', 'metadata'] as const)('wraps every answer in the envelope, spelt %s', async (spelling) => {
    double.control.setEnvelope(spelling);
    const predicted = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'One two three.', voice: 'sara' }) });
    const body = strictEnvelope(predictDataSchema.strict()).parse(JSON.parse(predicted.text));
    expect(strictMeta.parse(body[spelling])).toMatchObject({ creditsUsed: 0.25, creditsRemaining: 99.75 });
    const voices = strictEnvelope(z.object({ voices: z.array(voiceSchema.strict()) }).strict()).parse(JSON.parse((await raw('/speech/voice')).text));
    expect(voices.data.voices.map((v) => v.alias)).toEqual(AUDIOSTACK_VOICES.map((v) => v.alias));
    const scripts = strictEnvelope(z.unknown()).parse(JSON.parse((await raw('/content/scripts')).text));
    expect(strictMeta.parse(scripts[spelling])).toMatchObject({ creditsUsed: 0, creditsRemaining: 99.5 }); // two paid calls of 0.25
  });

  it('sends charsPerSecond as a string, as the API does', async () => {
    const body = JSON.parse((await raw('/speech/voice')).text) as { data: { voices: Array<{ alias: string; charsPerSecond: unknown }> } };
    expect(body.data.voices.find((v) => v.alias === 'sara')?.charsPerSecond).toBe('14.6');
  });

  it('leaves creditsRemaining out when told to, and for an account that reports none', async () => {
    double.control.setReportRemaining(false);
    const body = JSON.parse((await raw('/content/scripts')).text) as { meta: Record<string, unknown> };
    expect(strictMeta.parse(body.meta)).not.toHaveProperty('creditsRemaining');
    double.control.reset();
    double.control.setBalance(null);
    expect(JSON.parse((await raw('/content/scripts')).text).meta).not.toHaveProperty('creditsRemaining');
  });

  it.each([
    ['no key', { key: 'nope' }, 401],
    ['a key without permission', { key: 'forbidden-key' }, 403],
    ['an exhausted account', { key: 'exhausted-key' }, 402],
  ] as const)('answers %s as the error page says, in a JSON body with the envelope', async (_name, init, status) => {
    const answer = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }), ...init });
    expect(answer.status).toBe(status);
    const body = errorBodySchema.extend({ meta: strictMeta }).strict().parse(JSON.parse(answer.text));
    expect(body.meta.creditsUsed).toBe(0);
  });

  it('refuses what the sheet does not allow: extra fields, unknown voices, text over the section limit', async () => {
    const post = (body: unknown) => raw('/speech/predict', { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ text: 'Hi.', voice: 'sara', speed: 1.2 })).status).toBe(400);
    expect((await post({ text: 'Hi.', voice: 'nobody' })).status).toBe(404);
    expect((await post({ text: 'Hi.', voice: 'legacy' })).status).toBe(404); // listed, but not a predict voice
    expect((await post({ text: 'word '.repeat(101), voice: 'ava' })).status).toBe(400); // ava takes 500
    expect(double.control.charges()).toEqual([]); // refusals are not billed
  });

  it('bills answered paid calls by the price table and goes down by each, to 402 when it runs out', async () => {
    double.control.setBalance(0.5);
    const post = () => raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(402);
    expect(double.control.charges().map((c) => c.credits)).toEqual([0.25, 0.25]);
    expect((await raw('/content/scripts')).status).toBe(200); // free: answered at 0 credits
  });

  it('sends 5xx faults as an HTML page, 504 as the gateway timeout text, and never a Retry-After', async () => {
    for (const status of [500, 502, 503] as const) {
      double.control.addFaults({ kind: 'status', status, retryAfter: '5' });
      const answer = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
      expect(answer.status).toBe(status);
      expect(answer.type).toBe('text/html');
      expect(answer.text).toMatch(/^<!DOCTYPE html>/);
      expect(answer.headers.get('retry-after')).toBeNull();
    }
    double.control.addFaults({ kind: 'status', status: 504 }, { kind: 'status', status: 429 });
    const timedOut = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
    expect(JSON.parse(timedOut.text)).toMatchObject({ message: 'Endpoint request timed out' });
    const limited = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(double.control.charges()).toHaveLength(1); // the gateway timed out: the work went on and was billed
  });

  it('is driven over HTTP like the Supertone double, with its own commands', async () => {
    const post = (body: unknown) => fetch(`${double.url}/__control`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ envelope: 'metadata', balance: 7, faults: [{ kind: 'status', status: 409 }] })).status).toBe(200);
    const conflict = await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.text).metadata).toMatchObject({ creditsRemaining: 7 });
    await raw('/speech/predict', { method: 'POST', body: JSON.stringify({ text: 'Hi.', voice: 'sara' }) });
    expect(await (await fetch(`${double.url}/__control/charges`)).json()).toEqual([{ method: 'POST', path: '/speech/predict', voice: 'sara', text: 'Hi.', credits: 0.25 }]);
    expect((await post({ envelope: 'envelope' })).status).toBe(400);
  });
});
