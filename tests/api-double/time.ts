/** Strict RFC 3339 and YYYY-MM-DD handling: the usage endpoints must reject what a strict server rejects. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The instant and its UTC offset in minutes, or undefined when not RFC 3339 (e.g. "+" decoded to a space). */
export function parseRfc3339(text: string): { ms: number; offsetMinutes: number } | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) return undefined;
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMins = Number(m[11] ?? 0);
  if (offsetHours > 23 || offsetMins > 59) return undefined;
  const offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
  return { ms, offsetMinutes };
}

/** Formats an instant in the caller's own offset, the way the vendor's examples echo "+09:00". */
export function formatRfc3339(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const withoutZone = local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1);
  if (offsetMinutes === 0) return `${withoutZone}Z`;
  const abs = Math.abs(offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${withoutZone}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Milliseconds of UTC midnight for a YYYY-MM-DD date, or undefined. */
export function parseDateOnly(text: string): number | undefined {
  const m = DATE_ONLY.exec(text);
  if (!m) return undefined;
  const [year, month, day] = m.slice(1, 4).map(Number);
  if (year === undefined || month === undefined || day === undefined || !validDate(year, month, day)) return undefined;
  return Date.UTC(year, month - 1, day);
}

export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
