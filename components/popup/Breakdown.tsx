import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import { breakdownRows, MAX_BREAKDOWN_PARAGRAPHS, splitParagraphs } from './paragraphs';

/**
 * Per-paragraph lengths with cumulative timecodes, for scripts of more than one paragraph.
 * Each paragraph is its own estimate, kept out of the history (the whole script is in it already);
 * the background's cache makes the repeats cheap.
 */
export function Breakdown(props: { text: string }) {
  const { t, f } = useI18n();
  const paragraphs = splitParagraphs(props.text);
  const shown = paragraphs.slice(0, MAX_BREAKDOWN_PARAGRAPHS);
  const [seconds, setSeconds] = useState<number[]>();

  useEffect(() => {
    if (shown.length < 2) return;
    let cancelled = false;
    void (async () => {
      const figures: number[] = [];
      for (const paragraph of shown) {
        const reply = await sendToBackground('estimate', { text: paragraph, record: false });
        figures.push(reply.ok ? reply.result.seconds : Number.NaN);
      }
      if (!cancelled) setSeconds(figures);
    })();
    return () => { cancelled = true; };
  }, [props.text]);

  if (shown.length < 2) return null;
  return (
    <details class="breakdown" open>
      <summary>{t('est.breakdown')}</summary>
      {!seconds ? <p class="muted" role="status">{t('est.estimating')}</p> : (
        <table id="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t('est.col.paragraph')}</th>
              <th scope="col" class="num">{t('est.col.length')}</th>
              <th scope="col" class="num">{t('est.col.endsAt')}</th>
            </tr>
          </thead>
          <tbody>
            {breakdownRows(shown, seconds).map((row) => (
              <tr key={row.index}>
                <th scope="row" class="preview"><span class="index">{f.whole(row.index)}</span> {row.preview}</th>
                <td class="num">{Number.isNaN(row.seconds) ? '–' : formatClock(row.seconds)}</td>
                <td class="num">{Number.isNaN(row.endsAt) ? '–' : formatClock(row.endsAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {paragraphs.length > shown.length && <p class="muted">{t('est.breakdownCut', { count: f.whole(shown.length) })}</p>}
    </details>
  );
}
