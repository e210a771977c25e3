import { myriadCardinal, type MyriadWords } from './myriad';
import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

/**
 * Japanese numbers written in kana as they are read, so the model counts their morae (a kanji
 * numeral like 千 stands for two: せん). Sound changes of 300, 600, 800, 3000, 8000 included.
 */
const DIGITS = ['ぜろ', 'いち', 'に', 'さん', 'よん', 'ご', 'ろく', 'なな', 'はち', 'きゅう'];
const HUNDREDS = ['', 'ひゃく', 'にひゃく', 'さんびゃく', 'よんひゃく', 'ごひゃく', 'ろっぴゃく', 'ななひゃく', 'はっぴゃく', 'きゅうひゃく'];
const THOUSANDS = ['', 'せん', 'にせん', 'さんぜん', 'よんせん', 'ごせん', 'ろくせん', 'ななせん', 'はっせん', 'きゅうせん'];
const SCALES = ['', 'まん', 'おく', 'ちょう'];
const HOURS = ['れい', 'いち', 'に', 'さん', 'よ', 'ご', 'ろく', 'しち', 'はち', 'く', 'じゅう', 'じゅういち', 'じゅうに'];
const CURRENCIES: Record<CurrencyCode, [string, string]> = {
  USD: ['どる', 'せんと'], EUR: ['ゆーろ', 'せんと'], GBP: ['ぽんど', 'ぺんす'], JPY: ['えん', 'せん'], KRW: ['うぉん', 'ちょん'],
};

const kana: MyriadWords = {
  digit: (n) => DIGITS[n] ?? '',
  group(n) {
    const tens = Math.floor(n / 10) % 10;
    const ones = n % 10;
    return (THOUSANDS[Math.floor(n / 1000)] ?? '') + (HUNDREDS[Math.floor(n / 100) % 10] ?? '')
      + (tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}じゅう`) + (ones === 0 ? '' : DIGITS[ones]);
  },
  scale: (index, _one, words) => (index === 1 && words === '' ? 'いち' : words) + SCALES[index],
};

export function japaneseCardinal(n: number): string {
  return myriadCardinal(n, kana);
}

function digits(fraction: string): string {
  return [...fraction].map((digit) => DIGITS[Number(digit)]).join('');
}

function say(expression: NumberExpression): string {
  switch (expression.kind) {
    case 'integer':
      return expression.digits.length > 1 && expression.digits.startsWith('0') ? digits(expression.digits) : japaneseCardinal(expression.value);
    case 'year':
      return japaneseCardinal(expression.value);
    case 'decimal':
      return `${japaneseCardinal(expression.whole)}てん${digits(expression.fraction)}`;
    case 'ordinal':
      return `だい${japaneseCardinal(expression.value)}`;
    case 'percent':
      return `${expression.fraction ? `${japaneseCardinal(expression.whole)}てん${digits(expression.fraction)}` : japaneseCardinal(expression.whole)}ぱーせんと`;
    case 'money': {
      const [major, minor] = CURRENCIES[expression.currency];
      const main = `${japaneseCardinal(expression.whole)}${major}`;
      return expression.cents > 0 ? `${main}${japaneseCardinal(expression.cents)}${minor}` : main;
    }
    case 'time': {
      const hours = `${HOURS[expression.hours] ?? japaneseCardinal(expression.hours)}じ`;
      return expression.minutes === 0 ? hours : `${hours}${japaneseCardinal(expression.minutes)}ふん`;
    }
    case 'date':
      return `${japaneseCardinal(expression.year)}ねん${japaneseCardinal(expression.month)}がつ${japaneseCardinal(expression.day)}にち`;
  }
}

export const japaneseNumbers: NumberSpeaker = { grouping: ',', say };
