import type { Locale } from './locales';

/** A formatter made on its first use: building one costs milliseconds, and a page opening needs few of them. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Every number and date the UI shows goes through Intl in the UI's locale. */
export function createFormat(locale: Locale) {
  const number = (maximumFractionDigits: number) => lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits }));
  const dates = (options: Intl.DateTimeFormatOptions) => lazily(() => new Intl.DateTimeFormat(locale, options));
  const whole = number(0);
  const one = number(1);
  const two = number(2);
  // Rounded down, never up: 4,321.5 credits must not read 4,322 (nor 99.996 as 100).
  const down = lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, roundingMode: 'floor' }));
  const wholeDown = lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, roundingMode: 'floor' }));
  const relative = lazily(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  const time = dates({ hour: 'numeric', minute: '2-digit' });
  const dateTime = dates({ dateStyle: 'medium', timeStyle: 'short' });
  const day = dates({ month: 'numeric', day: 'numeric' });
  const weekday = dates({ weekday: 'short', month: 'numeric', day: 'numeric' });
  const hour = dates({ hour: 'numeric' });
  const calendar = dates({ dateStyle: 'medium', timeZone: 'UTC' });
  const languages = lazily(() => new Intl.DisplayNames([locale], { type: 'language' }));
  return {
    locale,
    whole: (n: number) => whole().format(n),
    one: (n: number) => one().format(n),
    /** Credits and seconds: as many decimals as they need, at most two. */
    amount: (n: number) => two().format(n),
    /** A balance: at most two decimals, rounded down so it never reads as more than there is. */
    balance: (n: number) => down().format(n),
    /** Whole units rounded down ("≈ 12 min of speech left" when 12.9 are). */
    wholeDown: (n: number) => wholeDown().format(n),
    /** "5 min ago", "just now"-style ages. */
    age(fromMs: number, nowMs: number): string {
      const seconds = Math.round((fromMs - nowMs) / 1000);
      if (Math.abs(seconds) < 60) return relative().format(seconds, 'second');
      const minutes = Math.round(seconds / 60);
      if (Math.abs(minutes) < 60) return relative().format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 48) return relative().format(hours, 'hour');
      return relative().format(Math.round(hours / 24), 'day');
    },
    time: (ms: number) => time().format(ms),
    dateTime: (ms: number) => dateTime().format(ms),
    day: (ms: number) => day().format(ms),
    weekday: (ms: number) => weekday().format(ms),
    hour: (ms: number) => hour().format(ms),
    /** A YYYY-MM-DD date as written, whatever the time zone. */
    calendarDate: (isoDay: string) => calendar().format(Date.parse(`${isoDay}T00:00:00Z`)),
    /** A language's name ('ko' → "Korean"), or its code where Intl has no name for it. */
    language: (code: string) => languages().of(code) ?? code,
  };
}
export type Format = ReturnType<typeof createFormat>;
