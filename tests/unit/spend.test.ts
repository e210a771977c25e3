import { describe, expect, it } from 'vitest';
import type { PredictPlan } from '@/lib/estimate/estimator';
import { authorize } from '@/lib/spend/authorize';
import { createSpendLedger, localDay, type LedgerState } from '@/lib/spend/ledger';
import { spendRuleSchema } from '@/lib/spend/rule-schema';

/** A ledger over a plain variable, as the background's storage item would hold it. */
function ledgerAt(clock: { now: number }, initial?: LedgerState) {
  const store = { state: initial as unknown };
  const ledger = createSpendLedger({ load: async () => store.state, save: async (state) => { store.state = state; } }, () => clock.now);
  return { ledger, store };
}

const NOON = new Date(2026, 10, 20, 12, 0).getTime();
const plan = (credits: number, calls = Math.round(credits / 0.25)): PredictPlan => ({ vendor: 'audiostack', calls, credits, cached: 0 });

describe('daily spend ledger', () => {
  it('counts by local day and starts each day at 0', async () => {
    const clock = { now: NOON };
    const { ledger } = ledgerAt(clock);
    await (await ledger.reserve(1.5))?.settle(1.5);
    expect(await ledger.spentToday()).toBe(1.5);
    clock.now = new Date(2026, 10, 21, 0, 0, 1).getTime();
    expect(await ledger.spentToday()).toBe(0);
    expect(localDay(clock.now)).toBe('2026-11-21');
  });

  it('keeps two estimates at once under the cap: what is set aside counts at once', async () => {
    const { ledger } = ledgerAt({ now: NOON });
    const [a, b, c] = await Promise.all([ledger.reserve(2, 5), ledger.reserve(2, 5), ledger.reserve(2, 5)]);
    expect([a, b, c].filter(Boolean)).toHaveLength(2);
    expect(await ledger.spentToday()).toBe(4);
  });

  it('settles with what was really spent (an envelope may say less), once', async () => {
    const { ledger, store } = ledgerAt({ now: NOON });
    const reservation = await ledger.reserve(1, 5);
    await reservation?.settle(0.25);
    await reservation?.settle(0); // a second settle changes nothing
    expect(await ledger.spentToday()).toBe(0.25);
    expect(store.state).toEqual({ day: '2026-11-20', spent: 0.25 });
  });

  it('survives a restart: a new ledger over the same store sees the day so far; a stored state of another shape is ignored', async () => {
    const clock = { now: NOON };
    const { ledger, store } = ledgerAt(clock, { day: '2026-11-20', spent: 3 });
    expect(await ledger.spentToday()).toBe(3);
    expect(await ledger.reserve(2.5, 5)).toBeUndefined();
    store.state = { day: 42 };
    expect(await ledger.spentToday()).toBe(0);
  });
});

describe('spend rule', () => {
  const rule = (kind: 'ask' | 'auto' | 'never', dailyCap = 1) => spendRuleSchema.parse({ rule: kind, dailyCap });

  it('asks by default: no consent without a click, and the click consents up to what it said', async () => {
    const { ledger } = ledgerAt({ now: NOON });
    expect(await authorize(rule('ask'), plan(0.5), ledger)).toMatchObject({ refusal: { kind: 'ask' } });
    const clicked = await authorize(rule('ask'), plan(0.5), ledger, { maxCredits: 0.5 });
    expect(clicked.consent).toEqual({ maxCredits: 0.5 });
    await clicked.settle(0.5);
    expect(await ledger.spentToday()).toBe(0.5);
  });

  it('buys automatically under the daily cap, then refuses saying the cap', async () => {
    const { ledger } = ledgerAt({ now: NOON });
    const first = await authorize(rule('auto', 1), plan(0.75), ledger);
    expect(first.consent).toEqual({ maxCredits: 0.75 });
    await first.settle(0.75);
    expect(await authorize(rule('auto', 1), plan(0.5), ledger)).toMatchObject({ refusal: { kind: 'cap', cap: 1, spent: 0.75 } });
    expect((await authorize(rule('auto', 1), plan(0.25), ledger)).consent).toEqual({ maxCredits: 0.25 });
  });

  it('never buys under "never", not even on a click, and needs nothing when all is cached', async () => {
    const { ledger } = ledgerAt({ now: NOON });
    expect(await authorize(rule('never'), plan(0.25), ledger, { maxCredits: 5 })).toMatchObject({ refusal: { kind: 'never' } });
    const cached = await authorize(rule('never'), { ...plan(0), cached: 3 }, ledger);
    expect(cached.refusal).toBeUndefined();
    expect(cached.consent).toBeUndefined();
    expect(await authorize(rule('auto'), undefined, ledger)).not.toHaveProperty('refusal');
    expect(await ledger.spentToday()).toBe(0);
  });

  it('refuses a cap it cannot check', () => {
    expect(spendRuleSchema.safeParse({ rule: 'auto', dailyCap: -1 }).success).toBe(false);
    expect(spendRuleSchema.safeParse({ rule: 'sometimes', dailyCap: 1 }).success).toBe(false);
  });
});
