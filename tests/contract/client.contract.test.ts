import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupertoneClient } from '@/lib/sources/supertone';
import { validateRequest } from '../api-double/openapi';
import { startApiDouble, type ApiDouble } from '../api-double/server';

/**
 * The client against the vendor's OpenAPI contract: every request it sends, on every endpoint and
 * option it uses, must satisfy the contract's parameters and request body schema.
 */

const TEMPLATES: Array<[RegExp, string]> = [
  [/^\/v1\/predict-duration\/[^/]+$/, '/v1/predict-duration/{voice_id}'],
  [/^\/v1\/voices\/[^/]+$/, '/v1/voices/{voice_id}'],
  [/^\/v1\/(voices|usage|voice-usage|credits)$/, ''],
];

function template(path: string): string {
  for (const [pattern, name] of TEMPLATES) if (pattern.test(path)) return name || path;
  throw new Error(`The client called an endpoint outside the contract: ${path}`);
}

let api: ApiDouble;
beforeAll(async () => {
  api = await startApiDouble();
});
afterAll(() => api.close());

describe('client requests follow the OpenAPI contract', () => {
  it('on every endpoint and option the client uses', async () => {
    const client = createSupertoneClient({ baseUrl: api.url, apiKey: 'test-key' });
    const voice = '91992bbd4758bdcf9c9b01';
    await client.predictDuration(voice, { text: 'Hello.', language: 'en' });
    await client.predictDuration(voice, {
      text: '안녕하세요.', language: 'ko', model: 'sona_speech_2_flash', style: 'neutral', voice_settings: { speed: 0.5 },
    });
    await client.getCredits();
    await client.listVoices();
    await client.getVoice(voice);
    const end = new Date();
    const start = new Date(end.getTime() - 3 * 86_400_000);
    await client.getUsage({ start, end, bucketWidth: 'hour', breakdown: ['voice_id', 'voice_name', 'model', 'api_key'] });
    await client.getUsage({ start, end, bucketWidth: 'day' });
    await client.getVoiceUsage(start.toISOString().slice(0, 10), end.toISOString().slice(0, 10));

    const paths = new Set(api.requests.map((r) => template(r.path)));
    expect([...paths].sort()).toEqual([
      '/v1/credits', '/v1/predict-duration/{voice_id}', '/v1/usage', '/v1/voice-usage', '/v1/voices', '/v1/voices/{voice_id}',
    ]);
    for (const request of api.requests) {
      const errors = validateRequest(request.method, template(request.path), { query: request.query, body: request.body });
      expect(errors, `${request.method} ${request.path}`).toEqual([]);
      expect(request.headers['x-sup-api-key']).toBe('test-key');
    }
  });
});
