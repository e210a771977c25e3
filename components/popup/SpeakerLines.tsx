import { useState } from 'preact/hooks';
import { cueSheet, cuesFromLines, type CueFormat } from '@/lib/cues/cues';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/lib/i18n/context';
import type { LineFigure } from '@/lib/script/estimate';
import { download } from '../download';
import type { ParagraphReply } from './paragraph-figures';
import { breakdownRows, MAX_BREAKDOWN_PARAGRAPHS } from './paragraphs';

const PREVIEW_CHARS = 40;

function preview(text: string): string {
  return [...text].length > PREVIEW_CHARS ? `${[...text].slice(0, PREVIEW_CHARS - 1).join('')}…` : text;
}

/** A dialogue's lines in order: who speaks, how long, and where each ends in the whole script. */
export function SpeakerLines(props: { lines: readonly LineFigure[] }) {
  const { t, f } = useI18n();
  const shown = props.lines.slice(0, MAX_BREAKDOWN_PARAGRAPHS);
  return (
    <details class="breakdown" open>
      <summary>{t('script.lines')}</summary>
      <table id="line-table">
        <thead>
          <tr>
            <th scope="col">{t('script.col.line')}</th>
            <th scope="col" class="num">{t('est.col.length')}</th>
            <th scope="col" class="num">{t('est.col.endsAt')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((line) => (
            <tr key={line.index}>
              <th scope="row" class="preview">
                <span class="index">{f.whole(line.index)}</span> {line.speaker && <strong>{line.speaker}</strong>} {preview(line.text)}
              </th>
              <td class="num">{formatClock(line.seconds)}</td>
              <td class="num">{formatClock(line.endsAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.lines.length > shown.length && <p class="muted">{t('script.linesCut', { count: f.whole(shown.length) })}</p>}
    </details>
  );
}

/**
 * Downloads the estimate as an SRT or WebVTT cue sheet: a cue per line of dialogue, or per
 * paragraph for text without speakers (the breakdown's figures, derived from the whole estimate:
 * a download never buys a prediction).
 */
export function CueDownloads(props: { figures: () => Promise<ParagraphReply>; lines?: readonly LineFigure[] }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();

  async function save(format: CueFormat) {
    let cues = props.lines && cuesFromLines(props.lines);
    if (!cues) {
      const reply = await props.figures();
      if ('error' in reply || reply.paragraphs.length === 0) {
        setError('error' in reply ? reply.error : t('script.noLines'));
        return;
      }
      const { paragraphs } = reply;
      cues = cuesFromLines(breakdownRows(paragraphs).map((row, k) => ({ ...row, speaker: null, text: paragraphs[k]?.text ?? '' })));
    }
    setError(undefined);
    download(`script.${format}`, format === 'srt' ? 'application/x-subrip' : 'text/vtt', cueSheet(format, cues));
  }

  return (
    <div class="cues">
      <span class="muted">{t('script.cues')}</span>
      <button type="button" id="download-srt" onClick={() => void save('srt')}>SRT</button>
      <button type="button" id="download-vtt" onClick={() => void save('vtt')}>WebVTT</button>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
