import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSources } from '@/lib/sources';
import { ApiError, errorForStatus } from '@/lib/sources/errors';
import { SUNSET_MESSAGE } from '@/lib/sources/supertone';
import type { VoiceProfile } from '@/lib/sources/types';
import { createCalibratedLocalModel } from '@/lib/estimate/calibrated-local-model';
import { Calibration } from '@/lib/estimate/calibration';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator } from '@/lib/estimate/estimator';
import { createI18n } from '@/lib/i18n';
import { apiErrorText, estimateWording } from '@/lib/i18n/estimate-wording';
import { startApiDouble, type ApiDouble } from '../api-double/server';

const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };

describe('API errors in the user language', () => {
  it('keeps the client\'s detailed English sentence in English', () => {
    const error = errorForStatus(404, { vendorName: 'Supertone', detail: 'Voice not found' });
    expect(apiErrorText(error, createI18n('en'))).toBe('Not found: Voice not found (check the voice id).');
  });

  it('says the kind, the status and the wait in Korean and Japanese', () => {
    const supertone = { vendorName: 'Supertone' };
    expect(apiErrorText(errorForStatus(401, supertone), createI18n('ko'))).toBe('API 키가 거부되었습니다. ScriptMeter 옵션에서 키를 확인하세요.');
    expect(apiErrorText(errorForStatus(503, supertone), createI18n('ja'))).toBe('API のサーバーエラーです(HTTP 503)。');
    expect(apiErrorText(errorForStatus(429, { ...supertone, retryAfterSeconds: 86_400 }), createI18n('ko'))).toBe('API 요청 한도에 걸렸습니다. 24 h 후에 다시 시도하세요.');
    expect(apiErrorText(new ApiError('redirect', 'x'), createI18n('ja'))).toMatch(/リダイレクト/);
  });

  it('names the vendor whose credits ran out', () => {
    expect(apiErrorText(errorForStatus(402, { vendorName: 'AudioStack' }), createI18n('en'))).toBe('Not enough credits on the AudioStack account.');
    expect(apiErrorText(errorForStatus(402, { vendorName: 'AudioStack' }), createI18n('ja'))).toBe('AudioStack アカウントのクレジットが足りません。');
  });

  it('says the Supertone sunset, its date and what to do, in every language', () => {
    const sunset = new ApiError('sunset', SUNSET_MESSAGE, undefined, undefined, { vendorName: 'Supertone' });
    expect(apiErrorText(sunset, createI18n('en'))).toMatch(/^Supertone announced its API's shutdown for 2026-08-31.*AudioStack.*Supertone-compatible endpoint.*local model/);
    expect(apiErrorText(sunset, createI18n('ko'))).toMatch(/2026-08-31.*AudioStack/);
    expect(apiErrorText(sunset, createI18n('ja'))).toMatch(/2026-08-31.*AudioStack/);
  });

  it('formats the length limit through Intl', () => {
    expect(estimateWording(createI18n('ko')).tooLong(30_000)).toBe('30,000자보다 긴 텍스트: 로컬 근사치입니다.');
  });
});

describe('the estimator speaks the wording it is given', () => {
  let api: ApiDouble;
  beforeAll(async () => { api = await startApiDouble(); });
  afterAll(() => api.close());

  const estimator = (apiKey: string | null) => createEstimator({
    source: apiKey === null ? undefined : createSources('supertone', { baseUrl: api.url, apiKey, backoffBaseMs: 5, backoffCapMs: 20, timeoutMs: 2_000 }).duration,
    cache: new DurationCache(), local: createCalibratedLocalModel(new Calibration()), wording: estimateWording(createI18n('ja')),
  });

  it('gives the reason for a local figure without a key in Japanese', async () => {
    const result = await estimator(null).estimate('Hello there.', voice);
    expect(result.localReason).toBe('API キーがありません: ローカルの概算です。');
  });

  it('gives an API error in Japanese', async () => {
    const result = await estimator('wrong-key-0000').estimate('Hello there.', voice);
    expect(result.source).toBe('local');
    expect(result.errors).toEqual(['API キーが拒否されました。ScriptMeter のオプションでキーを確認してください。']);
  });
});
