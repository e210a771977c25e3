import { germanNumbers } from './de';
import { englishNumbers } from './en';
import { spanishNumbers } from './es';
import { japaneseNumbers } from './ja';
import { koreanNumbers } from './ko';
import type { SpokenText } from './spoken-text';
import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

export type { NumberExpression, NumberSpeaker } from './types';
export type { SpokenText } from './spoken-text';

/** Languages whose numbers are said in words; the others count digits as spoken units. */
const SPEAKERS: Partial<Record<string, NumberSpeaker>> = {
  en: englishNumbers, es: spanishNumbers, ko: koreanNumbers, ja: japaneseNumbers, de: germanNumbers,
};

const CURRENCY_SIGNS: Record<string, CurrencyCode> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'JPY', '₩': 'KRW' };

// One pass: an ISO date, a clock time, or an amount with its currency sign, percent sign or
// ordinal ending. Lookarounds keep "10:30:15" and "2024-03-05-7" from being half-read.
const EXPRESSION = new RegExp([
  String.raw`(?<!\d)(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?![\d-])`,
  String.raw`(?<![\d:])(?<hours>[01]?\d|2[0-3]):(?<minutes>[0-5]\d)(?![\d:])`,
  String.raw`(?:(?<sign>[$€£¥￥₩])[ \u00a0]?)?(?<amount>\d+(?:[.,]\d+)*)(?<suffix>[ \u00a0]?(?:%|％|€)|(?:st|nd|rd|th)(?!\p{L})|\.?[ºª]|\.(?=[ \u00a0](?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)))?`,
].join('|'), 'gu');

const MAX_CARDINAL = 999_999_999_999_999;


/** Writes numbers as they are spoken ("$4.50" → "four dollars fifty") so a duration model can count them. */
export function spellOutNumbers(text: string, language: string): SpokenText {
  const speaker = SPEAKERS[language.toLowerCase().split('-')[0] ?? ''];
  let digits = 0;
  const spoken = text.replace(EXPRESSION, (match, ...rest: unknown[]) => {
    const offset = rest.at(-3) as number;
    const groups = rest.at(-1) as Record<string, string | undefined>;
    if (!speaker) {
      digits += match.replace(/\D/gu, '').length;
      return ' ';
    }
    const expression = parse(groups, speaker.grouping);
    if (!expression) return match;
    const before = text.slice(Math.max(0, offset - 12), offset);
    const after = text.slice(offset + match.length, offset + match.length + 12);
    return speaker.say(expression, { before, after });
  });
  return { text: spoken, digits };
}

function parse(groups: Record<string, string | undefined>, grouping: ',' | '.'): NumberExpression | undefined {
  if (groups.year !== undefined) {
    const month = Number(groups.month);
    const day = Number(groups.day);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { kind: 'date', year: Number(groups.year), month, day };
    return undefined;
  }
  if (groups.hours !== undefined) return { kind: 'time', hours: Number(groups.hours), minutes: Number(groups.minutes) };
  const amount = splitAmount(groups.amount ?? '', grouping);
  if (!amount) return undefined;
  const { whole, fraction, grouped } = amount;
  const suffix = (groups.suffix ?? '').trim();
  const currency = groups.sign ? CURRENCY_SIGNS[groups.sign] : suffix === '€' ? 'EUR' : undefined;
  if (currency) {
    if (fraction.length > 2) return { kind: 'decimal', whole, fraction };
    return { kind: 'money', currency, whole, cents: fraction ? Number(fraction.padEnd(2, '0')) : 0 };
  }
  if (suffix === '%' || suffix === '％') return { kind: 'percent', whole, fraction };
  if (suffix && !fraction) return { kind: 'ordinal', value: whole };
  if (fraction) return { kind: 'decimal', whole, fraction };
  const digits = (groups.amount ?? '').replace(/\D/gu, '');
  if (!grouped && digits.length === 4 && whole >= 1000 && whole <= 2099) return { kind: 'year', value: whole };
  return { kind: 'integer', value: whole, digits };
}

/**
 * "1,200" or "1.200" is grouping when the separator is the language's and every group has three
 * digits; the last other separator is the decimal point ("1.234,5" in Spanish, "3.5" in English).
 */
function splitAmount(raw: string, grouping: ',' | '.'): { whole: number; fraction: string; grouped: boolean } | undefined {
  const decimalMark = grouping === ',' ? '.' : ',';
  let integerPart = raw;
  let fraction = '';
  const lastDecimal = raw.lastIndexOf(decimalMark);
  if (lastDecimal >= 0) {
    integerPart = raw.slice(0, lastDecimal);
    fraction = raw.slice(lastDecimal + 1);
    if (fraction.includes(grouping)) return undefined;
  } else if (/^\d+\.\d{1,2}$/u.test(raw) && grouping === '.') {
    // "4.50" in a Spanish text is still a price with cents, not four thousand fifty.
    [integerPart, fraction] = raw.split('.') as [string, string];
  }
  const groups = integerPart.split(grouping);
  const grouped = groups.length > 1;
  if (grouped && !groups.slice(1).every((group) => group.length === 3)) return undefined;
  const whole = Number(groups.join(''));
  if (!Number.isSafeInteger(whole) || whole > MAX_CARDINAL) return undefined;
  return { whole, fraction, grouped };
}
