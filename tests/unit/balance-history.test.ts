import { describe, expect, it } from 'vitest';
import { dailySpend, latestBalance, MAX_READINGS, recordReading, spendSpike, type BalanceHistoryReading } from '@/lib/account/balance-history';
import { minutesLeft } from '@/lib/account/balance';
import { creditsPerSecond, providerId } from '@/lib/rates/credits';

const DAY = 86_400_000;
const NOON = new Date(2026, 10, 20, 12, 0).getTime();

/** Readings of AudioStack's balance at `hours` before NOON. */
function history(points: Array<[hoursBefore: number, balance: number]>): BalanceHistoryReading[] {
  return points.reduce<BalanceHistoryReading[]>((list, [hours, balance]) =>
    recordReading(list, 'audiostack', { creditsUsed: 0.25, creditsRemaining: balance }, NOON - hours * 3_600_000), []);
}

describe('balance readings from envelopes', () => {
  it('keeps the latest figure with the time it was seen; an envelope without creditsRemaining adds nothing (unknown, not 0)', () => {
    let list = recordReading([], 'audiostack', { creditsRemaining: 4_321.5 }, 1_000);
    list = recordReading(list, 'audiostack', { creditsUsed: 0.25 }, 2_000);
    expect(latestBalance(list, 'audiostack')).toEqual({ balance: 4_321.5, asOf: 1_000 });
    list = recordReading(list, 'audiostack', { creditsRemaining: 4_321.5 }, 3_000); // the same figure, seen later
    expect(list).toHaveLength(1);
    expect(latestBalance(list, 'audiostack')).toEqual({ balance: 4_321.5, asOf: 3_000 });
    expect(latestBalance(list, 'supertone')).toBeUndefined();
  });

  it('stays bounded', () => {
    let list: BalanceHistoryReading[] = [];
    for (let i = 0; i < MAX_READINGS + 50; i++) list = recordReading(list, 'audiostack', { creditsRemaining: 10_000 - i }, i);
    expect(list).toHaveLength(MAX_READINGS);
    expect(list.at(-1)?.balance).toBe(10_000 - MAX_READINGS - 49);
  });
});

describe('spend worked out from the balance history', () => {
  it('counts drops between readings per local day; a top-up is not spend', () => {
    const list = history([[50, 100], [49, 90], [30, 85], [26, 200], [3, 195.5], [1, 190]]);
    // 100 → 90 on the 18th, → 85 on the 19th, a top-up to 200, then 200 → 195.5 → 190 today.
    expect(dailySpend(list, 'audiostack', NOON, 3)).toEqual([
      { day: '2026-11-18', credits: 10 }, { day: '2026-11-19', credits: 5 }, { day: '2026-11-20', credits: 10 },
    ]);
  });

  it('fires the spike rule on spend: today against 3× the median of the previous 7 days', () => {
    const week = Array.from({ length: 7 }, (_, i) => [24 * (7 - i) + 2, 0] as [number, number]);
    let balance = 1_000;
    const points: Array<[number, number]> = [];
    for (const [hours] of week) {
      points.push([hours + 1, balance]);
      balance -= 2;
      points.push([hours, balance]);
    }
    points.push([2, balance], [1, balance - 7]);
    const daily = dailySpend(history(points), 'audiostack', NOON);
    expect(daily).toHaveLength(8);
    expect(daily.slice(0, 7).map((d) => d.credits)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(daily.at(-1)?.credits).toBe(7);
    expect(spendSpike(daily, 3)).toMatchObject({ today: 7, median: 2, spiking: true });
    expect(spendSpike(daily, 4)?.spiking).toBe(false);
  });

  it('gives 0 for days with no readings and looks only at the vendor asked', () => {
    const list = recordReading(history([[30, 100], [1, 90]]), 'supertone', { creditsRemaining: 5 }, NOON - DAY);
    expect(dailySpend(list, 'audiostack', NOON, 2).map((d) => d.credits)).toEqual([0, 10]);
    expect(dailySpend(list, 'supertone', NOON, 2).map((d) => d.credits)).toEqual([0, 0]);
  });
});

describe('minutes of speech left at the voice provider rate', () => {
  it("uses the AudioStack provider's credits per minute (azure 1, elevenlabs 9)", () => {
    const azure = providerId('azure');
    const elevenlabs = providerId('elevenlabs');
    expect(azure).toBe('azure');
    expect(providerId('not-a-provider')).toBeUndefined();
    if (!azure || !elevenlabs) return;
    expect(minutesLeft(4_321.5, creditsPerSecond(azure, 'sona_speech_1'))).toBeCloseTo(4_321.5, 6);
    expect(minutesLeft(90, creditsPerSecond(elevenlabs, 'sona_speech_1'))).toBeCloseTo(10, 6);
    expect(minutesLeft(90, creditsPerSecond(elevenlabs, 'sona_speech_1', { audiostack: { elevenlabs: 18 } }))).toBeCloseTo(5, 6);
  });
});
