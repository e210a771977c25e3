import { z } from 'zod';
import { localDay } from '../spend/ledger';
import { vendorIdSchema, type CreditsMeta, type VendorId } from '../sources/types';
import { spikeCheck, type SpikeCheck } from './spike';

/**
 * Balances as answers reported them, for vendors whose only balance is what an envelope says
 * (AudioStack), and for working out spend where a vendor has no usage reports. A run of equal
 * figures is one reading: when it was first seen (`at`) and last seen (`seenAt`).
 */
export const balanceReadingSchema = z.object({
  vendor: vendorIdSchema,
  balance: z.number().finite(),
  at: z.number(),
  seenAt: z.number(),
});
export type BalanceHistoryReading = z.infer<typeof balanceReadingSchema>;
export const balanceHistorySchema = z.array(balanceReadingSchema);

/** About a month of hourly changes per vendor. */
export const MAX_READINGS = 1_500;

/**
 * Adds what an answer's envelope said. No creditsRemaining: nothing is known, nothing is added
 * (a missing figure is never 0). A figure equal to the vendor's last one extends that reading.
 */
export function recordReading(history: readonly BalanceHistoryReading[], vendor: VendorId, meta: CreditsMeta, at: number): BalanceHistoryReading[] {
  if (meta.creditsRemaining === undefined) return [...history];
  const lastIndex = history.findLastIndex((reading) => reading.vendor === vendor);
  const last = history[lastIndex];
  if (last && last.balance === meta.creditsRemaining && at >= last.seenAt) {
    return history.map((reading, i) => (i === lastIndex ? { ...reading, seenAt: at } : reading));
  }
  const next = [...history, { vendor, balance: meta.creditsRemaining, at, seenAt: at }].sort((a, b) => a.at - b.at);
  return next.slice(Math.max(0, next.length - MAX_READINGS));
}

/** The vendor's latest balance and when it was seen, if any answer said. */
export function latestBalance(history: readonly BalanceHistoryReading[], vendor: VendorId): { balance: number; asOf: number } | undefined {
  const last = history.findLast((reading) => reading.vendor === vendor);
  return last && { balance: last.balance, asOf: last.seenAt };
}

export interface DaySpend {
  /** Local day, YYYY-MM-DD. */
  day: string;
  credits: number;
}

/**
 * Credits spent per local day over the last `days` days (today last), from the drops between one
 * reading and the next; a rise is a top-up, not negative spend. A drop counts on the day it was
 * first seen. Days with no drop are 0.
 */
export function dailySpend(history: readonly BalanceHistoryReading[], vendor: VendorId, now: number, days = 8): DaySpend[] {
  const spent = new Map<string, number>();
  let previous: BalanceHistoryReading | undefined;
  for (const reading of history) {
    if (reading.vendor !== vendor) continue;
    if (previous && reading.balance < previous.balance) {
      const day = localDay(reading.at);
      spent.set(day, (spent.get(day) ?? 0) + (previous.balance - reading.balance));
    }
    previous = reading;
  }
  const today = new Date(now);
  return Array.from({ length: days }, (_, i) => {
    const day = localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1 - i)).getTime());
    return { day, credits: Math.round((spent.get(day) ?? 0) * 10_000) / 10_000 };
  });
}

const BASELINE_DAYS = 7;

/**
 * Whether the vendor's history reaches back over the spike rule's 7-day baseline. Before it does,
 * the "previous 7 days" are days never watched, not days without spend: a first day of use would
 * always read as a spike.
 */
export function coversBaseline(history: readonly BalanceHistoryReading[], vendor: VendorId, now: number): boolean {
  const first = history.find((reading) => reading.vendor === vendor);
  const today = new Date(now);
  return first !== undefined && first.at <= new Date(today.getFullYear(), today.getMonth(), today.getDate() - BASELINE_DAYS).getTime();
}

/** Today's spend against `factor` × the median of the previous 7 days' (the spike rule on spend). */
export function spendSpike(daily: readonly DaySpend[], factor: number): SpikeCheck | null {
  return spikeCheck(daily.map((d) => d.credits), factor);
}
