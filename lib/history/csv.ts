import { toCsv } from '../account/csv';
import type { HistoryRow } from './row';

export const HISTORY_CSV_COLUMNS = ['time', 'where', 'characters', 'seconds', 'credits', 'provider', 'source', 'voice_id', 'model', 'vendor', 'predict_credits'] as const;

/** One row per estimate, oldest first; time in ISO 8601 UTC so any spreadsheet reads it. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  return toCsv([
    [...HISTORY_CSV_COLUMNS],
    ...rows.map((row) => [
      new Date(row.at).toISOString(), row.where, row.characters, round(row.seconds), round(row.credits),
      row.provider, row.source, row.voiceId, row.model, row.vendor ?? '', round(row.predictCredits),
    ]),
  ]);
}

/** Figures as the UI shows them, without binary-fraction noise (0.30000000000000004). */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
