import type { CurrencyCode, NumberExpression, NumberSpeaker } from './types';

const UNITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce',
  'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós',
  'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos',
  'ochocientos', 'novecientos'];
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
  'noviembre', 'diciembre'];
const ORDINALS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo'];
const CURRENCIES: Record<CurrencyCode, [string, string]> = {
  USD: ['dólar', 'dólares'], EUR: ['euro', 'euros'], GBP: ['libra', 'libras'], JPY: ['yen', 'yenes'], KRW: ['won', 'wones'],
};

function belowHundred(n: number): string {
  if (n < 30) return UNITS[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens} y ${UNITS[n % 10]}`;
}

function belowThousand(n: number): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds > 0 ? [HUNDREDS[hundreds] ?? ''] : [];
  if (rest > 0 || parts.length === 0) parts.push(belowHundred(rest));
  return parts.join(' ');
}

function belowMillion(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts = thousands === 0 ? [] : thousands === 1 ? ['mil'] : [`${belowThousand(thousands).replace(/uno$/u, 'ún')} mil`];
  if (rest > 0 || parts.length === 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

export function spanishCardinal(n: number): string {
  // Spanish counts in millions (un billón is a million million).
  const billions = Math.floor(n / 1e12);
  const millions = Math.floor((n % 1e12) / 1e6);
  const rest = n % 1e6;
  const parts: string[] = [];
  if (billions > 0) parts.push(billions === 1 ? 'un billón' : `${belowMillion(billions).replace(/uno$/u, 'un')} billones`);
  if (millions > 0) parts.push(millions === 1 ? 'un millón' : `${belowMillion(millions).replace(/uno$/u, 'un')} millones`);
  if (rest > 0 || parts.length === 0) parts.push(belowMillion(rest));
  return parts.join(' ');
}

function say(expression: NumberExpression): string {
  switch (expression.kind) {
    case 'integer':
      return expression.digits.length > 1 && expression.digits.startsWith('0')
        ? [...expression.digits].map((digit) => UNITS[Number(digit)]).join(' ') : spanishCardinal(expression.value);
    case 'year':
      return spanishCardinal(expression.value);
    case 'decimal':
      return `${spanishCardinal(expression.whole)} coma ${decimals(expression.fraction)}`;
    case 'ordinal':
      return ORDINALS[expression.value] ?? spanishCardinal(expression.value);
    case 'percent':
      return `${expression.fraction ? `${spanishCardinal(expression.whole)} coma ${decimals(expression.fraction)}` : spanishCardinal(expression.whole)} por ciento`;
    case 'money': {
      const [one, many] = CURRENCIES[expression.currency];
      const main = `${spanishCardinal(expression.whole).replace(/uno$/u, 'un')} ${expression.whole === 1 ? one : many}`;
      // "4,50 €" is said "cuatro euros con cincuenta".
      return expression.cents > 0 ? `${main} con ${belowHundred(expression.cents)}` : main;
    }
    case 'time':
      return expression.minutes === 0
        ? spanishCardinal(expression.hours) : `${spanishCardinal(expression.hours)} y ${belowHundred(expression.minutes)}`;
    case 'date':
      return `${expression.day === 1 ? 'primero' : spanishCardinal(expression.day)} de ${MONTHS[expression.month - 1]} de ${spanishCardinal(expression.year)}`;
  }
}

/** "3,25" is "tres coma veinticinco"; long fractions digit by digit. */
function decimals(fraction: string): string {
  if (fraction.length <= 2 && !fraction.startsWith('0')) return belowHundred(Number(fraction));
  return [...fraction].map((digit) => UNITS[Number(digit)]).join(' ');
}

export const spanishNumbers: NumberSpeaker = { grouping: '.', say };
