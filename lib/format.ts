/** 42 → "0:42", 83.4 → "1:23", 3725 → "1:02:05". Rounds to the nearest second. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Credits with as many decimals as they need, at most two: 42, 1.5, 0.07. */
export function formatCredits(credits: number, locale = 'en'): string {
  return credits.toLocaleString(locale, { maximumFractionDigits: 2 });
}
