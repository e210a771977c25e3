import { localSeconds } from '../estimate/local-model';

/** One slice takes a few milliseconds of the local model (about 2 MB/s): far from a long task. */
const SLICE = 16 * 1024;
/** Longer texts are measured on evenly spread samples of SAMPLES slices and scaled by length. */
const SAMPLE_ABOVE = 256 * 1024;
const SAMPLES = SAMPLE_ABOVE / SLICE;

type Yield = () => Promise<void>;
type LocalModel = { language: Parameters<typeof localSeconds>[1]; speed: number; factor: number };

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
 * Local seconds for any length of text without a long task: a slice per task, and beyond
 * SAMPLE_ABOVE characters an estimate from spread samples (the figure is approximate anyway, and
 * a 10 MB selection never goes to the API). The local model is a sum over the text, so slices add up.
 */
export async function localSecondsSliced(text: string, model: LocalModel, pause: Yield, stillWanted: () => boolean = () => true): Promise<number | null> {
  let seconds = 0;
  let measured = 0;
  const parts = windows(text);
  for (const [index, [start, end]] of parts.entries()) {
    if (index > 0) {
      await pause();
      if (!stillWanted()) return null;
    }
    seconds += localSeconds(text.slice(start, end), model.language, model.speed, model.factor);
    measured += end - start;
  }
  return measured > 0 ? seconds * (text.length / measured) : 0;
}
