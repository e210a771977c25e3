export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * A quiet week has a median near zero, which would make every minute a "spike"; the baseline
 * never goes below this many minutes.
 */
export const MIN_BASELINE_MINUTES = 1;
const BASELINE_DAYS = 7;

export interface SpikeCheck {
  today: number;
  median: number;
  factor: number;
  spiking: boolean;
}

/** Today's minutes (last entry) against `factor` × the median of the 7 days before it. */
export function spikeCheck(dailyMinutes: readonly number[], factor: number): SpikeCheck | null {
  if (dailyMinutes.length < 2) return null;
  const today = dailyMinutes[dailyMinutes.length - 1] as number;
  const previous = dailyMinutes.slice(-1 - BASELINE_DAYS, -1);
  const med = median(previous);
  return { today, median: med, factor, spiking: today > factor * Math.max(med, MIN_BASELINE_MINUTES) };
}
