import { groupThousands } from '../format';
import type { ConfigClient } from './config-client';
import type { EstimateClient } from './estimate-client';
import type { Figure, InlineConfig } from './inline-config';
import { localFigure } from './local-figure';
import { localSecondsSliced } from './measure';
import { yielder, type ScheduleContext } from './schedule';

export interface FigureSink {
  /** Another request has started since: stop. */
  stale(): boolean;
  show(figure: Figure, pending: boolean): void;
}

export interface FigureDeps {
  ctx: ScheduleContext;
  config: ConfigClient;
  estimates: EstimateClient;
}

/** A local figure of a calibrated voice says so: "calibrated from 12 renders, ±4 %". */
function withCalibration(note: string | undefined, config: InlineConfig): string | undefined {
  const calibrated = config.local.calibrated;
  if (!calibrated) return note;
  return note ? `${note} · ${calibrated}` : calibrated;
}

function tooLongNote(config: InlineConfig): string {
  return config.words.tooLong.replace('{max}', groupThousands(config.maxApiCharacters));
}

export interface FigureRequest {
  /** The user asked with a real gesture and the text may be sent to the API. */
  mayAsk: boolean;
  sink: FigureSink;
  /** Why a local figure is shown, when not for the text's length. */
  localNote?: string;
  /** `idle`: background work (the field chip) that waits for the page to be idle between slices. */
  priority?: 'prompt' | 'idle';
  /** An earlier measurement of the same field, to scale from (see RESCALE_WITHIN). */
  earlier?: LocalMeasure;
}

/** A local measurement: a text's length and its seconds. */
export interface LocalMeasure {
  length: number;
  seconds: number;
}

/**
 * A text too long for the API, whose length is within this share of an earlier measurement of the
 * same field, is scaled from it by length instead of measured again: typing in a huge field costs
 * no re-measure (and the figure is approximate anyway).
 */
const RESCALE_WITHIN = 0.05;

/**
 * The figure for a text: a remembered API figure, else the local one at once, then — when the
 * user asked with a real gesture and the text may be sent — the background's figure. Resolves to
 * the local measurement when it made a new one.
 */
export async function produceFigure(deps: FigureDeps, config: InlineConfig, text: string, request: FigureRequest): Promise<LocalMeasure | undefined> {
  const { mayAsk, sink, localNote, earlier } = request;
  const remembered = deps.estimates.remembered(text);
  if (remembered) {
    sink.show(remembered, false);
    return undefined;
  }
  const tooLong = text.length > config.maxApiCharacters;
  const scaled = tooLong && earlier !== undefined && Math.abs(text.length - earlier.length) <= earlier.length * RESCALE_WITHIN;
  const seconds = scaled
    ? earlier.seconds * (text.length / earlier.length)
    : await localSecondsSliced(text, config.local, { pause: yielder(deps.ctx, request.priority), stillWanted: () => !sink.stale() });
  if (seconds === null || sink.stale()) return undefined;
  const measured = scaled ? undefined : { length: text.length, seconds };
  const ask = mayAsk && !tooLong;
  const local = localFigure(seconds, config, withCalibration(tooLong ? tooLongNote(config) : localNote, config));
  sink.show(local, ask);
  if (ask) await askBackground(deps, config, text, local, sink);
  return measured;
}

/** The background's figure for `text`, shown in place of `shown` when it arrives; `offer`: a token to buy it with. */
async function askBackground(deps: FigureDeps, config: InlineConfig, text: string, shown: Figure, sink: FigureSink, offer?: string): Promise<void> {
  try {
    const figure = await deps.estimates.estimate(text, offer);
    if (figure.source !== 'local') deps.config.revalidate();
    if (!sink.stale()) sink.show(figure.source === 'local' || figure.source === 'mixed' ? { ...figure, note: withCalibration(figure.note, config) } : figure, false);
  } catch (error) {
    if (!sink.stale()) sink.show({ ...shown, note: error instanceof Error ? error.message : 'The estimate failed.' }, false);
  }
}

/**
 * After the user's own click on "Exact · 0.25 credits": the figure shown waits for the exact one,
 * which the background buys only with the offer it signed for this text and voice.
 */
export async function buyExactFigure(deps: FigureDeps, config: InlineConfig, text: string, shown: Figure, sink: FigureSink): Promise<void> {
  if (!shown.offer) return;
  const waiting: Figure = { ...shown };
  delete waiting.offer;
  sink.show(waiting, true);
  await askBackground(deps, config, text, waiting, sink, shown.offer.token);
}
