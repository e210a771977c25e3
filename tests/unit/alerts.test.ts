import { describe, expect, it } from 'vitest';
import { alertText } from '@/lib/account/alert-text';
import { dismissAlert, evaluateAlerts, INITIAL_ALERT_STATE, MAX_KEPT_ALERTS, type AlertState } from '@/lib/account/alerts';
import { balanceFromCredits } from '@/lib/account/balance';
import type { UsageSummary } from '@/lib/account/usage';
import { createI18n } from '@/lib/i18n';

const settings = { lowBalance: 500, spikeFactor: 3, expectedVoices: ['a', 'b'] };

/** Eight days of usage, the last one being today. */
function usage(todayMinutes: number, todayVoices: Record<string, number> = { a: todayMinutes }, dayKey = '2026-11-08'): UsageSummary {
  const previous = [2, 3, 2, 4, 3, 2, 3].map((minutes, i) => ({ start: `2026-11-0${i + 1}`, minutes, byVoice: { a: minutes - 1, b: 1 } }));
  return { days: [...previous, { start: dayKey, minutes: todayMinutes, byVoice: todayVoices }], hours: [], voiceNames: { c: 'Chloe' }, fetchedAt: 0 };
}

function run(state: AlertState, input: Partial<Parameters<typeof evaluateAlerts>[1]>) {
  return evaluateAlerts(state, { settings, now: 1, ...input });
}

describe('alerts', () => {
  it('raise low balance once per crossing however often the balance is polled', () => {
    let state = INITIAL_ALERT_STATE;
    const kinds: string[] = [];
    for (const balance of [800, 400, 300, 200, 900, 100]) {
      const outcome = run(state, { balance: balanceFromCredits(balance, 0) });
      state = outcome.state;
      kinds.push(...outcome.fired.map((alert) => `${alert.kind}@${balance}`));
    }
    expect(kinds).toEqual(['low-balance@400', 'low-balance@100']);
    expect(state.alerts.map((a) => a.kind)).toEqual(['low-balance', 'low-balance']);
  });

  it('ignore a failed balance read: no crossing, no re-arming', () => {
    const low = run(INITIAL_ALERT_STATE, { balance: balanceFromCredits(100, 0) }).state;
    const offline = run(low, { balance: { status: 'offline', balance: 100, asOf: 0, error: 'x' } });
    expect(offline.fired).toEqual([]);
    expect(offline.state.lowBelow).toBe(true);
  });

  it('raise a spend spike once per day, saying why', () => {
    const first = run(INITIAL_ALERT_STATE, { usage: usage(10) });
    expect(first.fired).toMatchObject([{ kind: 'spike', today: 10, median: 3, factor: 3 }]);
    const { title, reason } = alertText(first.fired[0]!, createI18n('en').t, createI18n('en').f);
    expect(title).toBe('Spend spike');
    expect(reason).toBe("Today's 10 min is above 9 min: 3× the median of the previous 7 days (3 min).");
    expect(run(first.state, { usage: usage(12) }).fired).toEqual([]);
    expect(run(first.state, { usage: usage(12, { a: 12 }, '2026-11-09') }).fired.map((a) => a.kind)).toEqual(['spike']);
    expect(run(INITIAL_ALERT_STATE, { usage: usage(9) }).fired).toEqual([]);
  });

  it('learn the expected voices from history once, then report each new voice once', () => {
    const first = run(INITIAL_ALERT_STATE, { settings: { ...settings, expectedVoices: [] }, usage: usage(1, { a: 1 }) });
    expect(first.learnedExpected).toEqual(['a', 'b']);
    expect(first.fired).toEqual([]);

    const expected = { ...settings, expectedVoices: first.learnedExpected ?? [] };
    const second = run(first.state, { settings: expected, usage: usage(1.5, { a: 1, c: 0.5 }) });
    expect(second.learnedExpected).toBeUndefined();
    expect(second.fired).toMatchObject([{ kind: 'new-voice', voiceIds: ['c'], names: { c: 'Chloe' } }]);
    expect(alertText(second.fired[0]!, createI18n('en').t, createI18n('en').f).reason).toMatch(/Chloe \(c\)/);
    expect(run(second.state, { settings: expected, usage: usage(2, { a: 1, c: 1 }) }).fired).toEqual([]);
  });

  it('use the edited expected set instead of learning when the user gave one', () => {
    const outcome = run(INITIAL_ALERT_STATE, { settings: { ...settings, expectedVoices: ['a'] }, usage: usage(1, { a: 1 }) });
    expect(outcome.learnedExpected).toBeUndefined();
    expect(outcome.fired).toMatchObject([{ kind: 'new-voice', voiceIds: ['b'] }]);
  });

  it('keep a bounded list of recent alerts, newest first, and drop dismissed ones', () => {
    let state = INITIAL_ALERT_STATE;
    for (let i = 0; i < MAX_KEPT_ALERTS + 5; i++) {
      state = run(state, { balance: balanceFromCredits(i % 2 ? 900 : 100, 0), now: i }).state;
    }
    expect(state.alerts).toHaveLength(13);
    expect(state.alerts[0]?.at).toBe(24);
    const id = state.alerts[0]!.id;
    expect(dismissAlert(state, id).alerts.map((a) => a.id)).not.toContain(id);
  });
});
