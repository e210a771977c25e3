import { countSpeech, secondsAtNormalSpeed, type VoiceParameters } from '../estimate/speech-count';
import type { Pause } from './schedule';

/** One slice is a fraction of a millisecond of the local model (about 3 MB/s). */
const SLICE = 4 * 1024;
/** Longer texts are measured on SAMPLES evenly spread slices and scaled by length. */
const SAMPLE_ABOVE = 64 * 1024;
const SAMPLES = SAMPLE_ABOVE / SLICE;
/** Work per task before yielding: a long task is 50 ms, and a busy machine stretches each slice. */
const BUDGET_MS = 4;

type LocalModel = { language: string; speed: number; parameters: VoiceParameters };

export interface SliceOptions {
  pause: Pause;
  /** Checked after every pause: false stops the work (a newer text is wanted). */
  stillWanted?: () => boolean;
  /** Milliseconds of work between pauses. */
  budgetMs?: number;
}

/** [start, end) windows to measure, cut at spaces so no word is split. */
function windows(text: string): Array<[number, number]> {
  const cut = (at: number) => {
    if (at >= text.length) return text.length;
    const space = text.lastIndexOf(' ', at);
    return space > at - SLICE / 2 ? space : at;
  };
  if (text.length <= SAMPLE_ABOVE) {
    const all: Array<[number, number]> = [];
    for (let start = 0; start < text.length;) {
      const end = Math.max(cut(start + SLICE), start + 1);
      all.push([start, end]);
      start = end;
    }
    return all;
  }
  // Each sample centred in its stretch of the text, so no end of it is favoured.
  const stride = text.length / SAMPLES;
  return Array.from({ length: SAMPLES }, (_, i) => {
    const start = cut(Math.floor((i + 0.5) * stride - SLICE / 2));
    return [start, cut(start + SLICE)] as [number, number];
  });
}

/**
 * Local seconds for any length of text without a long task: slices for at most `budgetMs` per task,
 * and beyond SAMPLE_ABOVE characters an estimate from spread samples (the figure is approximate
 * anyway, and such a text never goes to the API), so a 10 MB text costs what 64 KB does. The local
 * model is a sum over the text, so slices add up. When the budget ran out, it pauses once more at
 * the end: what the caller does next (drawing the figure) starts a task of its own.
 */
export async function localSecondsSliced(text: string, model: LocalModel, options: SliceOptions): Promise<number | null> {
  const { pause, stillWanted = () => true, budgetMs = BUDGET_MS } = options;
  let taskStart = performance.now();
  const yieldIfSpent = async (): Promise<boolean> => {
    if (performance.now() - taskStart < budgetMs) return true;
    await pause();
    taskStart = performance.now();
    return stillWanted();
  };
  let seconds = 0;
  let measured = 0;
  for (const [start, end] of windows(text)) {
    if (measured > 0 && !(await yieldIfSpent())) return null;
    // Digits count as spoken units here, not as number words: the page's script stays small, and a
    // text the API may see gets the background's figure, numbers said in full, once asked.
    seconds += secondsAtNormalSpeed(countSpeech({ text: text.slice(start, end), digits: 0 }, model.language, end < text.length), model.parameters) / model.speed;
    measured += end - start;
  }
  if (!(await yieldIfSpent())) return null;
  return measured > 0 ? seconds * (text.length / measured) : 0;
}
