import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/lib/i18n/context';
import type { ParagraphReply } from './paragraph-figures';
import { breakdownRows, hasParagraphs, MAX_BREAKDOWN_PARAGRAPHS } from './paragraphs';

/**
 * Per-paragraph lengths with cumulative timecodes, for scripts of more than one paragraph. Derived
 * in the background from the whole script's estimate (`figures` is made anew when that changes,
 * e.g. after buying the exact figure), never estimated on its own: it costs no credits and adds no
 * history row. A paragraph's figure that is not exact is marked ≈ and the note says why.
 */
export function Breakdown(props: { text: string; figures: () => Promise<ParagraphReply> }) {
  const { t, f } = useI18n();
  const many = hasParagraphs(props.text);
  const [reply, setReply] = useState<ParagraphReply>();

  useEffect(() => {
    if (!many) return;
    let cancelled = false;
    setReply(undefined);
    void props.figures().then((answer) => { if (!cancelled) setReply(answer); });
    return () => { cancelled = true; };
  }, [props.figures]);

  if (!many || (reply && 'paragraphs' in reply && reply.paragraphs.length < 2)) return null;
  const all = reply && 'paragraphs' in reply ? reply.paragraphs : undefined;
  const rows = all && breakdownRows(all.slice(0, MAX_BREAKDOWN_PARAGRAPHS));
  return (
    <details class="breakdown" open>
      <summary>{t('est.breakdown')}</summary>
      {!reply ? <p class="muted" role="status">{t('est.estimating')}</p> : !rows ? <p class="problem">{t('est.failed', { error: 'error' in reply ? reply.error : '' })}</p> : (
        <table id="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t('est.col.paragraph')}</th>
              <th scope="col" class="num">{t('est.col.length')}</th>
              <th scope="col" class="num">{t('est.col.endsAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index} class={row.basis === 'exact' ? undefined : `approx ${row.basis}`}>
                <th scope="row" class="preview"><span class="index">{f.whole(row.index)}</span> {row.preview}</th>
                <td class="num" title={row.basis === 'exact' ? undefined : t(`est.breakdown.${row.basis}`)}>
                  {row.basis === 'exact' ? '' : '≈ '}{formatClock(row.seconds)}
                </td>
                <td class="num">{formatClock(row.endsAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows?.some((row) => row.basis === 'divided') && <p class="muted" id="breakdown-divided">{t('est.breakdown.divided')}</p>}
      {rows?.some((row) => row.basis === 'local') && <p class="muted" id="breakdown-local">{t('est.breakdown.local')}</p>}
      {all && all.length > MAX_BREAKDOWN_PARAGRAPHS && <p class="muted">{t('est.breakdownCut', { count: f.whole(MAX_BREAKDOWN_PARAGRAPHS) })}</p>}
    </details>
  );
}
