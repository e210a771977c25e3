import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ConfigClient } from './config-client';
import type { EstimateClient } from './estimate-client';
import type { Figure, InlineConfig } from './inline-config';
import { localFigure } from './local-figure';
import { localSecondsSliced } from './measure';
import { yielder } from './schedule';

export interface FigureSink {
  /** Another request has started since: stop. */
  stale(): boolean;
  show(figure: Figure, pending: boolean): void;
}

export interface FigureDeps {
  ctx: ContentScriptContext;
  config: ConfigClient;
  estimates: EstimateClient;
}

/** 300000 → "300,000" without Intl, whose first use in a page costs ~15 ms of start-up in the middle of a figure. */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function tooLongNote(config: InlineConfig): string {
  return `Text longer than ${grouped(config.maxApiCharacters)} characters: approximate local estimate.`;
}

export interface FigureRequest {
  /** The user asked with a real gesture and the text may be sent to the API. */
  mayAsk: boolean;
  sink: FigureSink;
  /** Why a local figure is shown, when not for the text's length. */
  localNote?: string;
  /** `idle`: background work (the field chip) that waits for the page to be idle between slices. */
  priority?: 'prompt' | 'idle';
}

/**
 * The figure for a text: a remembered API figure, else the local one at once, then — when the
 * user asked with a real gesture and the text may be sent — the background's figure.
 */
export async function produceFigure(deps: FigureDeps, config: InlineConfig, text: string, request: FigureRequest): Promise<void> {
  const { mayAsk, sink, localNote } = request;
  const remembered = deps.estimates.remembered(text);
  if (remembered) {
    sink.show(remembered, false);
    return;
  }
  const pause = yielder(deps.ctx, request.priority);
  const seconds = await localSecondsSliced(text, config.local, { pause, stillWanted: () => !sink.stale() });
  if (seconds === null || sink.stale()) return;
  const tooLong = text.length > config.maxApiCharacters;
  const ask = mayAsk && !tooLong;
  const local = localFigure(seconds, config, tooLong ? tooLongNote(config) : localNote);
  sink.show(local, ask);
  if (!ask) return;
  try {
    const figure = await deps.estimates.estimate(text);
    if (figure.source !== 'local') deps.config.revalidate();
    if (!sink.stale()) sink.show(figure, false);
  } catch (error) {
    if (!sink.stale()) sink.show({ ...local, note: error instanceof Error ? error.message : 'The estimate failed.' }, false);
  }
}
