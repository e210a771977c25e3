import type { Format } from '../i18n/format';
import type { Translate } from '../i18n';
import type { BalanceState } from './balance';

/** Toolbar badges fit about four characters. */
export const BADGE_MAX_CHARS = 4;

/**
 * 999 → "999", 1234 → "1.2k", 12500 → "12k", 2_400_000 → "2.4M"; never more than 4 characters, and
 * rounded down: a balance never reads as more than there is (999.6 is "999", not "1k").
 */
export function compactNumber(value: number): string {
  const n = Math.max(0, value);
  if (n < 1_000) return String(Math.floor(n));
  const units: Array<[number, string]> = [[1e3, 'k'], [1e6, 'M'], [1e9, 'G'], [1e12, 'T']];
  for (const [size, suffix] of units) {
    const scaled = n / size;
    if (scaled < 10) return `${(Math.floor(scaled * 10) / 10).toString()}${suffix}`;
    if (scaled < 1_000) return `${Math.floor(scaled)}${suffix}`;
  }
  return '∞';
}

export const BADGE_COLORS = { normal: '#2f6f3e', low: '#a84b00', error: '#c92a2a', stale: '#6b7280' } as const;

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Badge text, colour and the button's tooltip explaining them. */
export function badgeView(state: BalanceState, low: boolean, t: Translate, f: Format, now: number): BadgeView {
  const balance = typeof state.balance === 'number' ? state.balance : undefined;
  switch (state.status) {
    case 'unknown':
      return { text: '', color: BADGE_COLORS.normal, title: t('badge.unknown') };
    case 'no-key':
      return { text: '', color: BADGE_COLORS.normal, title: t('badge.noKey') };
    case 'rejected':
      return { text: '!', color: BADGE_COLORS.error, title: t('badge.rejected') };
    case 'offline':
      if (state.cause === 'sunset') return { text: balance === undefined ? '?' : compactNumber(balance), color: BADGE_COLORS.stale, title: t('badge.sunset') };
      return balance === undefined || state.asOf === undefined
        ? { text: '?', color: BADGE_COLORS.stale, title: t('badge.offlineNoBalance') }
        : { text: compactNumber(balance), color: BADGE_COLORS.stale, title: t('badge.offline', { balance: f.balance(balance), age: f.age(state.asOf, now) }) };
    case 'ok':
      if (balance === undefined) return { text: '', color: BADGE_COLORS.normal, title: t('badge.noBalance') };
      return low
        ? { text: compactNumber(balance), color: BADGE_COLORS.low, title: t('badge.low', { balance: f.balance(balance) }) }
        : { text: compactNumber(balance), color: BADGE_COLORS.normal, title: t('badge.ok', { balance: f.balance(balance) }) };
  }
}
