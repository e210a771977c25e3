import type { UsageSummary } from './usage';

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row per day and voice: date, voice id, voice name, minutes. */
export function usageCsv(summary: UsageSummary): string {
  const rows: Array<Array<string | number>> = [['day_start', 'voice_id', 'voice_name', 'minutes']];
  for (const day of summary.days) {
    for (const [voiceId, minutes] of Object.entries(day.byVoice)) rows.push([day.start, voiceId, summary.voiceNames[voiceId] ?? '', minutes]);
  }
  return toCsv(rows);
}
