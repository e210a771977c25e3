import { localSeconds } from '../estimate/local-model';

/** Slices of this many characters take a few milliseconds each, well under a long task. */
export const SLICE = 64 * 1024;

type Yield = () => Promise<void>;

/**
 * Local seconds for any length of text without a long task: small texts at once, large ones a
 * slice per task. The local model is a sum over the text, so slices add up (cut at spaces).
 */
export async function localSecondsSliced(
  text: string, model: { language: Parameters<typeof localSeconds>[1]; speed: number; factor: number }, pause: Yield,
  stillWanted: () => boolean = () => true,
): Promise<number | null> {
  let seconds = 0;
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SLICE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    seconds += localSeconds(text.slice(start, end), model.language, model.speed, model.factor);
    start = end;
    if (start < text.length) {
      await pause();
      if (!stillWanted()) return null;
    }
  }
  return seconds;
}
