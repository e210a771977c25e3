import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

const ONES = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf',
  'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const ORDINALS: Record<number, string> = { 1: 'erste', 3: 'dritte', 7: 'siebte', 8: 'achte' };
const CURRENCIES: Record<CurrencyCode, [string, string]> = {
  USD: ['Dollar', 'Cent'], EUR: ['Euro', 'Cent'], GBP: ['Pfund', 'Pence'], JPY: ['Yen', 'Sen'], KRW: ['Won', 'Jeon'],
};

/** Number words joined as German writes them: "einundzwanzig", "dreihundertvierzig". */
function belowHundred(n: number, alone = true): string {
  if (n === 1) return alone ? 'eins' : 'ein';
  if (n < 20) return ONES[n] ?? '';
  const ones = n % 10;
  return ones === 0 ? TENS[Math.floor(n / 10)] ?? '' : `${ones === 1 ? 'ein' : ONES[ones]}und${TENS[Math.floor(n / 10)]}`;
}

function belowThousand(n: number, alone = true): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return (hundreds > 0 ? `${hundreds === 1 ? 'ein' : ONES[hundreds]}hundert` : '') + (rest > 0 || hundreds === 0 ? belowHundred(rest, alone) : '');
}

export function germanCardinal(n: number): string {
  if (n < 1000) return belowThousand(n);
  const parts: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  if (millions > 0) parts.push(millions === 1 ? 'eine Million' : `${germanCardinal(millions)} Millionen`);
  if (thousands > 0) parts.push(`${belowThousand(thousands, false)}tausend`);
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

/** 1998 → neunzehnhundertachtundneunzig; from 2000 on, years are plain numbers. */
function year(n: number): string {
  if (n >= 2000 || n < 1100) return germanCardinal(n);
  return `${ONES[Math.floor(n / 100)]}hundert${n % 100 === 0 ? '' : belowHundred(n % 100)}`;
}

function ordinal(n: number): string {
  const named = ORDINALS[n];
  if (named) return named;
  return `${germanCardinal(n)}${n < 20 ? 'te' : 'ste'}`;
}

function decimals(fraction: string): string {
  return [...fraction].map((digit) => ONES[Number(digit)]).join(' ');
}

function say(expression: NumberExpression, context: { after: string }): string {
  switch (expression.kind) {
    case 'integer':
      return expression.digits.length > 1 && expression.digits.startsWith('0') ? decimals(expression.digits) : germanCardinal(expression.value);
    case 'year':
      return year(expression.value);
    case 'decimal':
      return `${germanCardinal(expression.whole)} Komma ${decimals(expression.fraction)}`;
    case 'ordinal':
      return ordinal(expression.value);
    case 'percent':
      return `${expression.fraction ? `${germanCardinal(expression.whole)} Komma ${decimals(expression.fraction)}` : germanCardinal(expression.whole)} Prozent`;
    case 'money': {
      const [major] = CURRENCIES[expression.currency];
      // "45,50 €" is said "fünfundvierzig Euro fünfzig".
      return `${germanCardinal(expression.whole)} ${major}${expression.cents > 0 ? ` ${belowHundred(expression.cents)}` : ''}`;
    }
    case 'time': {
      // "17:45 Uhr": the written Uhr is read after the minutes, so it is not said twice.
      const uhr = /^[ \u00a0]?Uhr/u.test(context.after) ? '' : ' Uhr';
      return `${germanCardinal(expression.hours)}${uhr}${expression.minutes > 0 ? ` ${belowHundred(expression.minutes)}` : ''}`;
    }
    case 'date':
      return `${ordinal(expression.day)} ${MONTHS[expression.month - 1]} ${year(expression.year)}`;
  }
}

export const germanNumbers: NumberSpeaker = { grouping: '.', say };
