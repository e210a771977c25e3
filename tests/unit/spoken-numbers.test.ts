import { describe, expect, it } from 'vitest';
import { spellOutNumbers } from '@/lib/text/spoken-numbers';

const say = (text: string, language: string) => spellOutNumbers(text, language).text;

describe('numbers as spoken', () => {
  it('English: years, money, percentages, times, ordinals, decimals, grouping, dates', () => {
    expect(say('In 1999 it was $4.50.', 'en')).toBe('In nineteen ninety-nine it was four dollars fifty.');
    expect(say('2005, 2024, 1900, 1905', 'en')).toBe('two thousand five, twenty twenty-four, nineteen hundred, nineteen oh five');
    expect(say('$1, $0.99, £3, €12.05', 'en')).toBe('one dollar, ninety-nine cents, three pounds, twelve euros five');
    expect(say('15% and 2.5%', 'en')).toBe('fifteen percent and two point five percent');
    expect(say('at 10:30, 9:05 or 7:00', 'en')).toBe("at ten thirty, nine oh five or seven o'clock");
    expect(say('the 21st, 2nd and 3rd', 'en')).toBe('the twenty-first, second and third');
    expect(say('1,200,000 people, 3.14 and 007', 'en')).toBe('one million two hundred thousand people, three point one four and zero zero seven');
    expect(say('on 2024-03-05', 'en')).toBe('on March fifth, twenty twenty-four');
  });

  it('Spanish: decimal comma, dotted thousands, euros after the amount, por ciento', () => {
    expect(say('Costó 4,50 € en 1999.', 'es')).toBe('Costó cuatro euros con cincuenta en mil novecientos noventa y nueve.');
    expect(say('1.200 personas, 3,5 km, un 15 % más', 'es')).toBe('mil doscientos personas, tres coma cinco km, un quince por ciento más');
    expect(say('a las 10:30, el 1.º, $4.50, 21 y 100', 'es')).toBe('a las diez y treinta, el primero, cuatro dólares con cincuenta, veintiuno y cien');
    expect(say('2.000.000', 'es')).toBe('dos millones');
  });

  it('Korean: Sino-Korean numbers, native ones before counters, money, time and dates', () => {
    expect(say('1999년에 4,500원', 'ko')).toBe('천구백구십구년에 사천오백원');
    expect(say('3명, 20살, 10시', 'ko')).toBe('세명, 스무살, 열시');
    expect(say('$4.50, 15%, 10000, 110', 'ko')).toBe('사 달러 오십 센트, 십오 퍼센트, 만, 백십');
    expect(say('10:30', 'ko')).toBe('열 시 삼십 분');
    expect(say('2024-06-05', 'ko')).toBe('이천이십사년 유월 오일');
  });

  it('Japanese: numbers in kana, so their morae are counted, with sound changes', () => {
    expect(say('1999年', 'ja')).toBe('せんきゅうひゃくきゅうじゅうきゅう年');
    expect(say('300、600、8000、10000', 'ja')).toBe('さんびゃく、ろっぴゃく、はっせん、いちまん');
    expect(say('$4.50、15%、4:00', 'ja')).toBe('よんどるごじゅうせんと、じゅうごぱーせんと、よじ');
  });

  it('German: joined number words, years in hundreds, the ordinal point before a month is no sentence end', () => {
    expect(say('Am 3. März 1998 kostete es 45,50 €.', 'de')).toBe('Am dritte März neunzehnhundertachtundneunzig kostete es fünfundvierzig Euro fünfzig.');
    expect(say('um 17:45 Uhr, 12 % mehr, 2,5 Meter, 21 und 2024', 'de')).toBe('um siebzehn fünfundvierzig Uhr, zwölf Prozent mehr, zwei Komma fünf Meter, einundzwanzig und zweitausend vierundzwanzig');
  });

  it('other languages: numbers become digits to count, and their dots and commas are no pauses', () => {
    expect(spellOutNumbers('Det kostar 4,50 € år 1999.', 'sv')).toEqual({ text: 'Det kostar   år  .', digits: 7 });
  });

  it('leaves text without numbers untouched', () => {
    const text = 'Nothing to count here, only words.';
    expect(say(text, 'en')).toBe(text);
  });
});
