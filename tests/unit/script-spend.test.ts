import { describe, expect, it } from 'vitest';
import { createCalibratedLocalModel } from '@/lib/estimate/calibrated-local-model';
import { Calibration } from '@/lib/estimate/calibration';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator, type Consent } from '@/lib/estimate/estimator';
import { estimateSettingsScript } from '@/lib/script/background';
import { defaultSettings } from '@/lib/settings/schema';
import type { DurationSource, VoiceProfile } from '@/lib/sources/types';
import { authorize } from '@/lib/spend/authorize';
import { createSpendLedger } from '@/lib/spend/ledger';

/** A paid vendor as the estimator sees one: 0.25 credits a call, an answer per text, every call counted. */
function paidSource() {
  const calls: string[] = [];
  const source: DurationSource = {
    specificationVersion: 'v1', vendor: 'audiostack', creditsPerCall: 0.25,
    limits: () => ({ maxCharacters: 5_000, parallel: 2, split: 'sentence' }),
    cacheInputs: (voice) => ({ ...voice, speed: 1, model: undefined, style: undefined }),
    warnings: () => [],
    voiceDetails: () => undefined,
    predict: async (text) => {
      calls.push(text);
      return { seconds: text.length / 15, warnings: [], meta: { creditsUsed: 0.25 } };
    },
  };
  return { source, calls };
}

const SCRIPT = 'HOST: Welcome back.\nANNA: Thanks for having me.\nHOST: Let us start.\nANNA: Gladly.\nANNA: One more thing.\n';
const base: VoiceProfile = { source: 'supertone', voiceId: 'host-voice', language: 'en', model: 'sona_speech_1', speed: 1 };

function setup() {
  const { source, calls } = paidSource();
  const cache = new DurationCache();
  const local = createCalibratedLocalModel(new Calibration());
  const store = { state: undefined as unknown };
  const ledger = createSpendLedger({ load: async () => store.state, save: async (state) => { store.state = state; } });
  const settings = { ...defaultSettings(), cast: { ANNA: { source: 'audiostack' as const, voice: 'anna-alias' } } };
  const run = (click?: Consent, rule = settings.spend) => estimateSettingsScript(SCRIPT, { ...settings, spend: rule }, base, {
    estimators: { audiostack: createEstimator({ source, cache, local }) },
    fallback: createEstimator({ cache, local }),
  }, {
    tooLongReason: 'too long',
    authorize: async (plan) => ({ ...(await authorize(rule, plan, ledger, click)), refusedBecause: rule.rule === 'never' ? 'Paid predictions are off.' : undefined }),
  });
  return { run, calls, ledger };
}

describe('paid predictions in a dialogue', () => {
  it('are never bought without consent: ANNA\'s lines stay local and the total says what they would cost', async () => {
    const { run, calls } = setup();
    const estimate = await run();
    expect(calls).toEqual([]);
    expect(estimate?.total.plan).toEqual({ vendor: 'audiostack', calls: 3, credits: 0.75, cached: 0 });
    expect(estimate?.figures.lines.filter((line) => line.speaker === 'ANNA').map((line) => line.provenance)).toEqual(['local', 'local', 'local']);
    expect(estimate?.total.predictCredits).toBe(0);
  });

  it('a click buys them once for the whole script, within its credits, counted in the ledger', async () => {
    const { run, calls, ledger } = setup();
    const bought = await run({ maxCredits: 0.75 });
    expect(calls).toHaveLength(3);
    expect(bought?.total.predictCredits).toBe(0.75);
    expect(bought?.total.plan).toBeUndefined();
    expect(await ledger.spentToday()).toBe(0.75);
    // Asked again: all from the cache, nothing bought twice.
    const again = await run({ maxCredits: 0.75 });
    expect(calls).toHaveLength(3);
    expect(again?.total.predictCredits).toBe(0);
  });

  it('a click for less than the plan buys no more than it allows', async () => {
    const { run, calls } = setup();
    const partly = await run({ maxCredits: 0.5 });
    expect(calls).toHaveLength(2);
    expect(partly?.total.predictCredits).toBe(0.5);
  });

  it('under "never" nothing is bought and the reason is given', async () => {
    const { run, calls } = setup();
    const never = await run({ maxCredits: 5 }, { rule: 'never', dailyCap: 5 });
    expect(calls).toEqual([]);
    expect(never?.total.localReason).toBe('Paid predictions are off.');
  });
});
