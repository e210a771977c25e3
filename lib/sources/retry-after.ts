/**
 * Reads a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns seconds to wait (≥ 0), or undefined when the value is absent or unusable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  // Only accept date-looking values: Date.parse accepts odd inputs like "1" or "soon 2".
  if (!/[A-Za-z]{3},? .*\d{2}:\d{2}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}
