import { describe, expect, it } from 'vitest';
import { MODELS } from '@/lib/sources/supertone';
import {
  billedSeconds, cheapestFirst, creditsByProvider, pipelineCredits, PROVIDER_IDS, providerRates,
} from '@/lib/rates/credits';
import { AUDIOSTACK_ENDPOINT_CREDITS, AUDIOSTACK_VOICE_RATES, SUPERTONE_RATES } from '@/lib/rates/tables';

describe('rate tables', () => {
  it('carry a source and an as-of date', () => {
    for (const table of [SUPERTONE_RATES, AUDIOSTACK_VOICE_RATES, AUDIOSTACK_ENDPOINT_CREDITS]) {
      expect(table.source.length).toBeGreaterThan(10);
      expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('hold the seed figures for every AudioStack provider', () => {
    const perMinute = Object.fromEntries(Object.entries(AUDIOSTACK_VOICE_RATES.providers).map(([id, p]) => [id, p.perMinute]));
    expect(perMinute).toEqual({
      msnr: 1.5, azure: 1, cerevoice: 1.2, deepzen: 18, elevenlabs: 9, google: 1,
      ibm: 1.2, polly: 1, resemble: 9, wellsaid: 9, openai: 1.5, playht: 1.5,
    });
  });

  it('default Supertone to 1 credit per second for every model', () => {
    for (const model of MODELS) expect(SUPERTONE_RATES.perModel[model]).toBe(1);
  });

  it('hold the seed endpoint figures used by the pipeline', () => {
    const find = (route: string) => AUDIOSTACK_ENDPOINT_CREDITS.rows.find((r) => r.route === route && r.method === 'POST')?.credits;
    expect(find('/speech/predict')).toBe(0.33);
    expect(find('/production/mix')).toBe(5);
    expect(find('/deliver/encoder')).toBe(5);
    expect(find('/content/script')).toBe(0.1);
    expect(find('/voice-cloning/users')).toBe(100);
  });
});

describe('credits', () => {
  it('prorate per-minute providers by seconds and charge Supertone per second', () => {
    const credits = creditsByProvider(42, 'sona_speech_1');
    expect(Object.keys(credits).sort()).toEqual([...PROVIDER_IDS].sort());
    expect(credits.supertone).toBe(42);
    expect(credits.deepzen).toBeCloseTo((42 / 60) * 18, 6);
    expect(credits.google).toBeCloseTo(0.7, 6);
  });

  it('apply rounding rules to billed time', () => {
    expect(billedSeconds(61.2, 'prorate')).toBe(61.2);
    expect(billedSeconds(61.2, 'second')).toBe(62);
    expect(billedSeconds(61.2, 'minute')).toBe(120);
    expect(billedSeconds(0, 'minute')).toBe(0);
    expect(creditsByProvider(61.2, 'sona_speech_1', {}, 'minute').elevenlabs).toBe(18);
  });

  it('use overrides, and say so', () => {
    const rates = providerRates('sona_speech_2', { supertone: { sona_speech_2: 2.5 }, audiostack: { google: 4 } });
    expect(rates.find((r) => r.id === 'supertone')).toMatchObject({ rate: 2.5, overridden: true });
    expect(rates.find((r) => r.id === 'google')).toMatchObject({ rate: 4, overridden: true });
    expect(rates.find((r) => r.id === 'azure')).toMatchObject({ rate: 1, overridden: false });
    expect(creditsByProvider(30, 'sona_speech_2', { supertone: { sona_speech_2: 2.5 } }).supertone).toBe(75);
  });

  it('list providers cheapest first', () => {
    const order = cheapestFirst(creditsByProvider(60, 'sona_speech_1')).map((p) => p.id);
    expect(order[0]).toBe('azure');
    expect(order.at(-1)).toBe('supertone'); // 60 credits vs deepzen's 18
    expect(order.indexOf('deepzen')).toBeGreaterThan(order.indexOf('elevenlabs'));
  });

  it('estimate an AudioStack production pipeline from the endpoint table', () => {
    const estimate = pipelineCredits(60, 'google');
    expect(estimate.steps.map((s) => s.label)).toEqual(['Script', 'Text to speech', 'Mix', 'Encode']);
    expect(estimate.total).toBeCloseTo(0.1 + 1 + 5 + 5, 6);
    expect(pipelineCredits(120, 'deepzen').total).toBeCloseTo(0.1 + 36 + 10, 6);
  });
});
