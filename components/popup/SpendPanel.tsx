import type { DaySpend } from '@/lib/account/balance-history';
import { useI18n } from '@/lib/i18n/context';
import { VENDOR_NAMES } from '@/lib/sources/defaults';
import type { VendorId } from '@/lib/sources/types';
import { BarChart } from '../charts/BarChart';

const DAYS = 7;

/**
 * For a vendor without usage reports: credits spent per day over a week, worked out from the
 * balance its answers reported, and why there is no usage by voice (nor a new-voice alert).
 */
export function SpendPanel(props: { vendor: VendorId; spend: readonly DaySpend[] }) {
  const { t, f } = useI18n();
  const days = props.spend.slice(-DAYS);
  const week = days.reduce((sum, day) => sum + day.credits, 0);
  const today = days.at(-1)?.credits ?? 0;
  // Local days as dates at noon: the weekday and date labels cannot slip a day across a DST change.
  const noon = (day: string) => new Date(`${day}T12:00:00`).getTime();
  return (
    <section class="panel" aria-labelledby="spend-title">
      <h2 id="spend-title">{t('spend.heading')}</h2>
      <p class="muted" id="spend-total">{t('spend.today', { today: f.amount(today), week: f.amount(week) })}</p>
      {week > 0 && (
        <BarChart label={t('spend.chart', { total: f.amount(week) })} highlightLast height={40}
          bars={days.map((day) => ({ value: day.credits, label: f.day(noon(day.day)), title: t('spend.dayValue', { day: f.weekday(noon(day.day)), credits: f.amount(day.credits) }) }))} />
      )}
      <p class="muted" id="no-voice-usage">{t('spend.noVoiceUsage', { vendor: VENDOR_NAMES[props.vendor] })}</p>
    </section>
  );
}
