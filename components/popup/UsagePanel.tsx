import { useState } from 'preact/hooks';
import { hoursOfDay, lastDays, localDayStart, topVoices, totalMinutes, type UsageSummary } from '@/lib/account/usage';
import { useI18n } from '@/lib/i18n/context';
import { BarChart } from '../charts/BarChart';

const RANGES = [7, 30] as const;

/** Minutes per day (7 or 30 days), top voices over the same days, and today by hour. */
export function UsagePanel(props: { usage: UsageSummary | null; now: number }) {
  const { t, f } = useI18n();
  const [range, setRange] = useState<(typeof RANGES)[number]>(7);
  const { usage } = props;
  if (!usage) {
    return (
      <section class="panel" aria-labelledby="usage-title">
        <h2 id="usage-title">{t('usage.heading')}</h2>
        <p class="muted">{t('usage.notYet')}</p>
      </section>
    );
  }
  const days = lastDays(usage, range);
  const total = totalMinutes(days);
  const voices = topVoices(days, usage.voiceNames);
  const todayTotal = totalMinutes(usage.hours);
  return (
    <section class="panel" aria-labelledby="usage-title">
      <div class="panel-head">
        <h2 id="usage-title">{t('usage.heading')}</h2>
        <fieldset class="segmented">
          <legend class="sr-only">{t('usage.range')}</legend>
          {RANGES.map((days) => (
            <label key={days}>
              <input type="radio" name="usage-range" value={days} checked={range === days} onChange={() => setRange(days)} />
              <span>{t(days === 7 ? 'usage.range7' : 'usage.range30')}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p class="muted" id="usage-total">{t('usage.total', { minutes: f.one(total), days: f.whole(range) })} · {t('usage.asOf', { age: f.age(usage.fetchedAt, props.now) })}</p>
      <BarChart label={t('usage.chart', { days: f.whole(range), total: f.one(total) })} highlightLast
        bars={days.map((day) => {
          const ms = Date.parse(day.start);
          return { value: day.minutes, label: f.day(ms), title: t('usage.dayValue', { day: f.weekday(ms), minutes: f.amount(day.minutes) }) };
        })} />
      {total === 0 ? <p class="muted">{t('usage.none')}</p> : (
        <>
          <h3>{t('usage.topVoices')}</h3>
          <ol class="voices" id="top-voices">
            {voices.map((voice) => (
              <li key={voice.voiceId}>
                <span class="voice-name" title={voice.voiceId}>{voice.name ?? voice.voiceId}</span>
                <span class="meter" aria-hidden="true"><span style={{ width: `${(voice.minutes / (voices[0]?.minutes || 1)) * 100}%` }} /></span>
                <span class="num">{t('common.minutes', { minutes: f.amount(voice.minutes) })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('usage.today')} <span class="muted">· {t('common.minutes', { minutes: f.amount(todayTotal) })}</span></h3>
      <BarChart label={t('usage.todayChart', { total: f.amount(todayTotal) })} height={40}
        bars={hoursOfDay(usage.hours, localDayStart(new Date(usage.fetchedAt)).getTime()).map((hour) => ({
          value: hour.minutes, label: f.hour(hour.start), title: t('usage.dayValue', { day: f.hour(hour.start), minutes: f.amount(hour.minutes) }),
        }))} />
    </section>
  );
}
