/** 42 → "0:42", 83.4 → "1:23", 3725 → "1:02:05". Rounds to the nearest second. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * 12345 → "12,345". Without Intl: its first use costs ~15 ms of start-up, and the content script
 * formats figures in the middle of a page's work.
 */
export function groupThousands(value: number | string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Credits with as many decimals as they need, at most two: 42, 1.5, 0.07, 12,345.68. */
export function formatCredits(credits: number): string {
  const [whole = '0', fraction = ''] = (Math.round(credits * 100) / 100).toFixed(2).split('.');
  const decimals = fraction.replace(/0+$/, '');
  return decimals ? `${groupThousands(whole)}.${decimals}` : groupThousands(whole);
}

/** A balance with at most two decimals, rounded down (never up): 4321.5 → "4,321.5", 99.999 → "99.99". */
export function formatBalance(credits: number): string {
  const cents = Math.floor(credits * 100 + 1e-9);
  const whole = Math.trunc(cents / 100);
  const fraction = Math.abs(cents % 100).toString().padStart(2, '0').replace(/0+$/, '');
  const sign = cents < 0 && whole === 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}
