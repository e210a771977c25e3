import { myriadCardinal, type MyriadWords } from './myriad';
import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

const DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const PLACES = ['', '십', '백', '천'];
const SCALES = ['', '만', '억', '조'];
/** Native Korean numbers, attributive forms (before a counter: 한 명, 두 시). */
const NATIVE_ONES = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉'];
const NATIVE_TENS = ['', '열', '스물', '서른', '마흔', '쉰', '예순', '일흔', '여든', '아흔'];
/** Counters read with native numbers below 100 ("3명" is 세 명, "10시" is 열 시). */
const NATIVE_COUNTER = /^[ \u00a0]?(?:시간|시|명|개|살|마리|번째|잔|권|장|가지|달|사람)/u;
const CURRENCIES: Record<CurrencyCode, [string, string]> = {
  USD: ['달러', '센트'], EUR: ['유로', '센트'], GBP: ['파운드', '펜스'], JPY: ['엔', '센'], KRW: ['원', '전'],
};

const sino: MyriadWords = {
  digit: (n) => DIGITS[n] ?? '',
  group(n) {
    let said = '';
    for (let place = 3; place >= 0; place--) {
      const digit = Math.floor(n / 10 ** place) % 10;
      if (digit === 0) continue;
      // 십, 백, 천 without 일: "110" is 백십.
      said += (digit === 1 && place > 0 ? '' : DIGITS[digit] ?? '') + (PLACES[place] ?? '');
    }
    return said;
  },
  // 만 alone for 10,000 (not 일만); 일억, 일조 keep their 일.
  scale: (index, one, words) => (index === 1 && one ? '' : words) + SCALES[index],
};

export function koreanCardinal(n: number): string {
  return myriadCardinal(n, sino);
}

function native(n: number): string {
  if (n === 20) return '스무';
  return (NATIVE_TENS[Math.floor(n / 10)] ?? '') + (NATIVE_ONES[n % 10] ?? '');
}

function digits(fraction: string): string {
  return [...fraction].map((digit) => DIGITS[Number(digit)]).join('');
}

function say(expression: NumberExpression, context: { after: string }): string {
  switch (expression.kind) {
    case 'integer':
      if (expression.value > 0 && expression.value < 100 && NATIVE_COUNTER.test(context.after)) return native(expression.value);
      return expression.digits.length > 1 && expression.digits.startsWith('0') ? digits(expression.digits) : koreanCardinal(expression.value);
    case 'year':
      return koreanCardinal(expression.value);
    case 'decimal':
      return `${koreanCardinal(expression.whole)} 점 ${digits(expression.fraction)}`;
    case 'ordinal':
      return `${koreanCardinal(expression.value)}번째`;
    case 'percent':
      return `${expression.fraction ? `${koreanCardinal(expression.whole)} 점 ${digits(expression.fraction)}` : koreanCardinal(expression.whole)} 퍼센트`;
    case 'money': {
      const [major, minor] = CURRENCIES[expression.currency];
      const main = `${koreanCardinal(expression.whole)} ${major}`;
      return expression.cents > 0 ? `${main} ${koreanCardinal(expression.cents)} ${minor}` : main;
    }
    case 'time': {
      const hours = expression.hours >= 1 && expression.hours <= 12 ? native(expression.hours) : koreanCardinal(expression.hours);
      return expression.minutes === 0 ? `${hours} 시` : `${hours} 시 ${koreanCardinal(expression.minutes)} 분`;
    }
    case 'date': {
      // 6월 and 10월 drop their final consonant: 유월, 시월.
      const month = expression.month === 6 ? '유' : expression.month === 10 ? '시' : koreanCardinal(expression.month);
      return `${koreanCardinal(expression.year)}년 ${month}월 ${koreanCardinal(expression.day)}일`;
    }
  }
}

export const koreanNumbers: NumberSpeaker = { grouping: ',', say };
