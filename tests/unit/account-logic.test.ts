import { describe, expect, it } from 'vitest';
import { balanceFromCredits, balanceFromError, minutesLeft, INITIAL_BALANCE } from '@/lib/account/balance';
import { BADGE_COLORS, badgeView, compactNumber } from '@/lib/account/badge';
import { nextPollMinutes } from '@/lib/account/backoff';
import { csvCell, usageCsv } from '@/lib/account/csv';
import { lowBalanceStep } from '@/lib/account/low-balance';
import { median, spikeCheck } from '@/lib/account/spike';
import { hoursOfDay, lastDays, localDayStart, summarizeUsage, topVoices, totalMinutes } from '@/lib/account/usage';
import { learnExpectedVoices, newVoices } from '@/lib/account/voices';
import { webhookPayload, webhookTarget } from '@/lib/account/webhook';
import { createI18n } from '@/lib/i18n';
import { pickLocale } from '@/lib/i18n/locales';
import type { UsageMinutes } from '@/lib/sources/types';

const { t, f } = createI18n('en');

function dayBucket(day: number, rows: Array<[string, number, string?]>): UsageMinutes {
  return {
    start: Date.UTC(2026, 10, day),
    rows: rows.map(([voiceId, minutes, voiceName]) => ({ voiceId, voiceName, minutes })),
  };
}

describe('balance state', () => {
  it('keeps the last known balance and its time when the API cannot be reached', () => {
    const ok = balanceFromCredits(1200, 1_000);
    const offline = balanceFromError(ok, { kind: 'network', message: 'The API could not be reached.' });
    expect(offline).toEqual({ status: 'offline', balance: 1200, asOf: 1_000, error: 'The API could not be reached.', cause: 'network' });
  });

  it('calls a 401 or 403 a rejected key, not an outage', () => {
    expect(balanceFromError(INITIAL_BALANCE, { kind: 'auth', message: 'x' }).status).toBe('rejected');
    expect(balanceFromError(INITIAL_BALANCE, { kind: 'forbidden', message: 'x' }).status).toBe('rejected');
    expect(balanceFromError(INITIAL_BALANCE, { kind: 'server', message: 'x' }).status).toBe('offline');
  });

  it('turns a balance into minutes of speech at a per-second rate', () => {
    expect(minutesLeft(600, 1)).toBe(10);
    expect(minutesLeft(600, 2)).toBe(5);
    expect(minutesLeft(-5, 1)).toBe(0);
    expect(minutesLeft(null, 1)).toBeNull();
    expect(minutesLeft(600, 0)).toBeNull();
  });
});

describe('low balance crossing', () => {
  it('fires once when the balance crosses the threshold, not on every poll while low', () => {
    const balances = [900, 600, 500, 450, 300, 700, 400];
    let below = false;
    const fired: number[] = [];
    for (const balance of balances) {
      const step = lowBalanceStep(below, balance, 500);
      below = step.below;
      if (step.fire) fired.push(balance);
    }
    expect(fired).toEqual([500, 400]);
  });

  it('is off without a threshold and unchanged without a figure', () => {
    expect(lowBalanceStep(true, 10, null)).toEqual({ below: false, fire: false });
    expect(lowBalanceStep(true, null, 500)).toEqual({ below: true, fire: false });
    expect(lowBalanceStep(false, undefined, 500)).toEqual({ below: false, fire: false });
  });
});

describe('usage aggregation', () => {
  const days = [dayBucket(3, [['b', 2, 'Bella']]), dayBucket(1, [['a', 1.5, 'Adam'], ['b', 0.5]]), dayBucket(2, [])];
  const hours: UsageMinutes[] = [{ start: Date.parse('2026-11-03T01:00:00.000Z'), rows: [{ minutes: 0.25 }] }];
  const summary = summarizeUsage(days, hours, 42);

  it('sorts days oldest first and sums each day and each voice', () => {
    expect(summary.days.map((d) => [d.start.slice(0, 10), d.minutes])).toEqual([['2026-11-01', 2], ['2026-11-02', 0], ['2026-11-03', 2]]);
    expect(summary.days[0]?.byVoice).toEqual({ a: 1.5, b: 0.5 });
    expect(summary.voiceNames).toEqual({ a: 'Adam', b: 'Bella' });
    expect(summary.hours).toEqual([{ start: '2026-11-03T01:00:00.000Z', minutes: 0.25 }]);
    expect(totalMinutes(summary.days)).toBe(4);
  });

  it('ranks top voices over the chosen days', () => {
    expect(topVoices(summary.days, summary.voiceNames)).toEqual([
      { voiceId: 'b', name: 'Bella', minutes: 2.5 },
      { voiceId: 'a', name: 'Adam', minutes: 1.5 },
    ]);
    expect(topVoices(lastDays(summary, 1), summary.voiceNames).map((v) => v.voiceId)).toEqual(['b']);
  });

  it('starts local days at midnight', () => {
    const start = localDayStart(new Date(2026, 10, 5, 15, 30), 2);
    expect([start.getDate(), start.getHours(), start.getMinutes()]).toEqual([3, 0, 0]);
  });

  it('exports one CSV row per day and voice, with spreadsheet formulas defused', () => {
    expect(usageCsv(summary).split('\r\n').slice(0, 3)).toEqual([
      'day_start,voice_id,voice_name,minutes', '2026-11-01T00:00:00.000Z,a,Adam,1.5', '2026-11-01T00:00:00.000Z,b,Bella,0.5',
    ]);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-1)).toBe('-1');
  });
});

describe('spend spike', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('compares today with the factor times the median of the previous 7 days only', () => {
    const week = [100, 2, 3, 2, 4, 3, 2, 3];
    expect(spikeCheck([...week, 9], 3)).toMatchObject({ today: 9, median: 3, spiking: false });
    expect(spikeCheck([...week, 9.5], 3)).toMatchObject({ spiking: true });
    expect(spikeCheck([...week, 18], 6)).toMatchObject({ spiking: false });
  });

  it('does not call every minute a spike after a quiet week', () => {
    expect(spikeCheck([0, 0, 0, 0, 0, 0, 0, 2], 3)?.spiking).toBe(false);
    expect(spikeCheck([0, 0, 0, 0, 0, 0, 0, 4], 3)?.spiking).toBe(true);
    expect(spikeCheck([4], 3)).toBeNull();
  });
});

describe('new voices', () => {
  const days = summarizeUsage([dayBucket(1, [['a', 1]]), dayBucket(2, [['b', 1]]), dayBucket(3, [['a', 1], ['c', 1], ['d', 0]])], [], 0).days;

  it('learns the expected set from every day before today', () => {
    expect(learnExpectedVoices(days)).toEqual(['a', 'b']);
  });

  it('reports voices neither expected nor already reported, ignoring zero usage', () => {
    expect(newVoices(days, ['a', 'b'], [])).toEqual(['c']);
    expect(newVoices(days, ['a', 'b'], ['c'])).toEqual([]);
    expect(newVoices(days, [], [])).toEqual(['a', 'b', 'c']);
  });
});

describe('toolbar badge', () => {
  it.each([
    [0, '0'], [7.4, '7'], [999, '999'], [999.6, '999'], [1_234, '1.2k'], [4_321.5, '4.3k'], [9_960, '9.9k'], [12_500, '12k'], [999_400, '999k'],
    [999_600, '999k'], [1_000_000, '1M'], [2_400_000, '2.4M'], [5e13, '50T'], [-20, '0'],
  ])('writes %d as %s', (value, text) => {
    expect(compactNumber(value)).toBe(text);
  });

  it('never uses more than 4 characters', () => {
    for (let exponent = 0; exponent < 16; exponent += 0.01) expect(compactNumber(10 ** exponent).length).toBeLessThanOrEqual(4);
  });

  it('warns at low balance, marks a rejected key and explains itself in the title', () => {
    const ok = balanceFromCredits(320, 0);
    expect(badgeView(ok, false, t, f, 0)).toEqual({ text: '320', color: BADGE_COLORS.normal, title: 'ScriptMeter: 320 credits' });
    expect(badgeView(ok, true, t, f, 0)).toMatchObject({ text: '320', color: BADGE_COLORS.low, title: 'ScriptMeter: low balance, 320 credits' });
    expect(badgeView({ status: 'rejected' }, false, t, f, 0)).toMatchObject({ text: '!', color: BADGE_COLORS.error, title: expect.stringMatching(/rejected/) });
    const offline = balanceFromError(balanceFromCredits(12_500, 0), { kind: 'network', message: 'down' });
    expect(badgeView(offline, false, t, f, 2 * 3_600_000)).toMatchObject({ text: '12k', color: BADGE_COLORS.stale, title: expect.stringMatching(/12,500 credits, 2 hr\. ago/) });
    expect(badgeView({ status: 'no-key' }, false, t, f, 0)).toMatchObject({ text: '', title: expect.stringMatching(/add an API key in Options \(AudioStack, or a Supertone-compatible API\)/) });
  });

  it("says Supertone's shutdown rather than 'cannot reach', and never rounds a balance up", () => {
    const gone = balanceFromError(INITIAL_BALANCE, { kind: 'sunset', message: 'Supertone announced …' });
    expect(badgeView(gone, false, t, f, 0)).toEqual({ text: '?', color: BADGE_COLORS.stale, title: "ScriptMeter: Supertone's API has shut down. Open the popup for what to do." });
    expect(badgeView(balanceFromCredits(4_321.5, 0), false, t, f, 0)).toMatchObject({ text: '4.3k', title: 'ScriptMeter: 4,321.5 credits' });
    expect(badgeView(balanceFromCredits(9_999.99, 0), true, t, f, 0)).toMatchObject({ text: '9.9k', title: 'ScriptMeter: low balance, 9,999.99 credits' });
  });
});

describe('polling backoff', () => {
  it('uses the interval after success and doubles it per failure, capped at a day', () => {
    expect([0, 1, 2, 3].map((n) => nextPollMinutes(30, n))).toEqual([30, 60, 120, 240]);
    expect(nextPollMinutes(30, 40)).toBe(1_440);
    expect(nextPollMinutes(1_440, 3)).toBe(1_440);
  });
});

describe('webhook', () => {
  it('accepts https anywhere and http only on this machine, asking for the host without its port', () => {
    expect(webhookTarget('https://hooks.example.com/alert?x=1')).toMatchObject({ ok: true, origin: 'https://hooks.example.com/*' });
    expect(webhookTarget('http://127.0.0.1:9000/hook')).toMatchObject({ ok: true, origin: 'http://127.0.0.1/*', host: '127.0.0.1:9000' });
    expect(webhookTarget('http://hooks.example.com/alert').ok).toBe(false);
    expect(webhookTarget('https://user:pw@hooks.example.com/').ok).toBe(false);
    expect(webhookTarget('not a url').ok).toBe(false);
  });

  it('sends the alert in words with its figures', () => {
    const payload = webhookPayload({ kind: 'low-balance', id: 'x', at: 0, balance: 10, threshold: 500 }, { title: 'Low balance', reason: 'why' });
    expect(payload).toEqual({ source: 'scriptmeter', kind: 'low-balance', title: 'Low balance', message: 'why', at: '1970-01-01T00:00:00.000Z', details: { balance: 10, threshold: 500 } });
  });
});

describe('locale', () => {
  it('picks the first supported language, English otherwise', () => {
    expect(pickLocale(['ko-KR', 'en'])).toBe('ko');
    expect(pickLocale(['fr', 'ja_JP'])).toBe('ja');
    expect(pickLocale(['fr'])).toBe('en');
  });
});

describe('today by hour', () => {
  it('always has 24 hours, the ones to come at zero', () => {
    const start = Date.UTC(2026, 10, 3);
    const hours = hoursOfDay([{ start: new Date(start + 3_600_000).toISOString(), minutes: 2 }, { start: new Date(start).toISOString(), minutes: 1 }].reverse(), start);
    expect(hours).toHaveLength(24);
    expect(hours.slice(0, 3).map((h) => h.minutes)).toEqual([1, 2, 0]);
    expect(hoursOfDay([], start)[23]?.start).toBe(start + 23 * 3_600_000);
  });
});
