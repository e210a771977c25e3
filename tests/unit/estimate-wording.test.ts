import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupertoneClient } from '@/lib/api/client';
import { ApiError, errorForStatus } from '@/lib/api/errors';
import { Calibration } from '@/lib/estimate/calibration';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator, type VoiceParams } from '@/lib/estimate/estimator';
import { createI18n } from '@/lib/i18n';
import { apiErrorText, estimateWording } from '@/lib/i18n/estimate-wording';
import { startApiDouble, type ApiDouble } from '../api-double/server';

const voice: VoiceParams = { voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };

describe('API errors in the user language', () => {
  it('keeps the client\'s detailed English sentence in English', () => {
    const error = errorForStatus(404, 'Voice not found');
    expect(apiErrorText(error, createI18n('en'))).toBe('Not found: Voice not found (check the voice id).');
  });

  it('says the kind, the status and the wait in Korean and Japanese', () => {
    expect(apiErrorText(errorForStatus(401), createI18n('ko'))).toBe('API 키가 거부되었습니다. ScriptMeter 옵션에서 키를 확인하세요.');
    expect(apiErrorText(errorForStatus(503), createI18n('ja'))).toBe('API のサーバーエラーです(HTTP 503)。');
    expect(apiErrorText(errorForStatus(429, undefined, 86_400), createI18n('ko'))).toBe('API 요청 한도에 걸렸습니다. 24 h 후에 다시 시도하세요.');
    expect(apiErrorText(new ApiError('redirect', 'x'), createI18n('ja'))).toMatch(/リダイレクト/);
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
    client: apiKey === null ? undefined : createSupertoneClient({ baseUrl: api.url, apiKey, backoffBaseMs: 5, backoffCapMs: 20, timeoutMs: 2_000 }),
    cache: new DurationCache(), calibration: new Calibration(), wording: estimateWording(createI18n('ja')),
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
