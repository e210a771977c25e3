import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINAL_WORDS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};
const CURRENCIES: Record<CurrencyCode, [string, string, string, string]> = {
  USD: ['dollar', 'dollars', 'cent', 'cents'],
  EUR: ['euro', 'euros', 'cent', 'cents'],
  GBP: ['pound', 'pounds', 'penny', 'pence'],
  JPY: ['yen', 'yen', 'sen', 'sen'],
  KRW: ['won', 'won', 'jeon', 'jeon'],
};

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds > 0 ? [`${ONES[hundreds]} hundred`] : [];
  if (rest > 0 || parts.length === 0) parts.push(belowHundred(rest));
  return parts.join(' ');
}

export function englishCardinal(n: number): string {
  if (n < 1000) return belowThousand(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${englishCardinal(count)} ${name}`);
    rest %= size;
  }
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

function ordinal(n: number): string {
  const words = englishCardinal(n);
  return words.replace(/([a-z]+)$/u, (last) => ORDINAL_WORDS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

/** 1999 → nineteen ninety-nine, 2005 → two thousand five, 2024 → twenty twenty-four, 1900 → nineteen hundred. */
function year(n: number): string {
  if (n >= 2000 && n < 2010) return englishCardinal(n);
  const high = Math.floor(n / 100);
  const low = n % 100;
  if (low === 0) return `${belowHundred(high)} hundred`;
  return `${belowHundred(high)} ${low < 10 ? `oh ${ONES[low]}` : belowHundred(low)}`;
}

function fractionDigits(fraction: string): string {
  return [...fraction].map((digit) => ONES[Number(digit)]).join(' ');
}

function say(expression: NumberExpression): string {
  switch (expression.kind) {
    case 'integer':
      return expression.digits.length > 1 && expression.digits.startsWith('0')
        ? fractionDigits(expression.digits) : englishCardinal(expression.value);
    case 'decimal':
      return `${englishCardinal(expression.whole)} point ${fractionDigits(expression.fraction)}`;
    case 'year':
      return year(expression.value);
    case 'ordinal':
      return ordinal(expression.value);
    case 'percent':
      return `${expression.fraction ? say({ kind: 'decimal', whole: expression.whole, fraction: expression.fraction }) : englishCardinal(expression.whole)} percent`;
    case 'money': {
      const [one, many, cent, cents] = CURRENCIES[expression.currency];
      if (expression.whole === 0 && expression.cents > 0) return `${belowHundred(expression.cents)} ${expression.cents === 1 ? cent : cents}`;
      const main = `${englishCardinal(expression.whole)} ${expression.whole === 1 ? one : many}`;
      // "$4.50" is said "four dollars fifty": the minor unit's name is dropped.
      return expression.cents > 0 ? `${main} ${belowHundred(expression.cents)}` : main;
    }
    case 'time': {
      const hours = englishCardinal(expression.hours);
      if (expression.minutes === 0) return `${hours} o'clock`;
      return `${hours} ${expression.minutes < 10 ? `oh ${ONES[expression.minutes]}` : belowHundred(expression.minutes)}`;
    }
    case 'date':
      return `${MONTHS[expression.month - 1]} ${ordinal(expression.day)}, ${year(expression.year)}`;
  }
}

export const englishNumbers: NumberSpeaker = { grouping: ',', say };
