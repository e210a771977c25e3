/**
 * `npm run bench` (accuracy part): the local model against real speech. A multilingual corpus is
 * rendered with espeak-ng at two voices per language and three speeds, padded with silence, and
 * measured the way `scriptmeter calibrate` measures renders (music-metadata, audio-decode, the
 * silence at both ends left out). Each paragraph is held out in turn; the voice is calibrated on
 * 3, 10 and 30 single-sentence renders from the other paragraphs (at mixed speeds) and judged on
 * the held-out paragraph at every speed. Prints a Markdown table for the README.
 */
import { join } from 'node:path';
import { fitVoice, type Observation } from '../../lib/calibration/fit';
import { defaultParameters, secondsAtNormalSpeed, speechFeatures, type VoiceParameters } from '../../lib/estimate/local-model';
import { measureAudioFile } from '../../cli/audio';
import { ENGLISH, SPANISH } from './corpus-en-es';
import { FRENCH, GERMAN } from './corpus-de-fr';
import { CHINESE, JAPANESE, KOREAN } from './corpus-ko-ja-zh';
import { ensureSpeechTools, render, type BenchVoice } from './speech';

const OUT = join(process.cwd(), 'out', 'bench-speech');
const SPEEDS = [0.8, 1, 1.25];
const SIZES = [3, 10, 30] as const;
const GOAL = 0.05;

const LANGUAGES: Array<{ code: string; espeak: string; paragraphs: string[] }> = [
  { code: 'en', espeak: 'en-us', paragraphs: ENGLISH }, { code: 'es', espeak: 'es', paragraphs: SPANISH },
  { code: 'de', espeak: 'de', paragraphs: GERMAN }, { code: 'fr', espeak: 'fr', paragraphs: FRENCH },
  { code: 'ko', espeak: 'ko', paragraphs: KOREAN }, { code: 'ja', espeak: 'ja', paragraphs: JAPANESE },
  { code: 'zh', espeak: 'cmn', paragraphs: CHINESE },
];
const voicesFor = (espeak: string): BenchVoice[] => [
  { name: `${espeak}+m3`, espeak: `${espeak}+m3`, wordsPerMinute: 165 },
  { name: `${espeak}+f2`, espeak: `${espeak}+f2`, wordsPerMinute: 140 },
];

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?。！？])\s*/u).map((s) => s.trim()).filter(Boolean);
}

/** Work two at a time: the machine has two cores. */
async function inPairs<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all([0, 1].map(async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }));
  return results;
}

/** A fixed shuffle, so every run trains on the same renders. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

interface Heard {
  text: string;
  speed: number;
  seconds: number;
}

async function measure(voice: BenchVoice, speed: number, text: string): Promise<Heard> {
  const span = await measureAudioFile(await render(OUT, voice, speed, text));
  return { text, speed, seconds: span.speech };
}

const relativeError = (parameters: VoiceParameters, language: string, heard: Heard) =>
  Math.abs(secondsAtNormalSpeed(speechFeatures(heard.text, language), parameters) / heard.speed - heard.seconds) / heard.seconds;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

await ensureSpeechTools();
const started = Date.now();
const rows: string[] = [];
const allAtTen: number[] = [];
for (const language of LANGUAGES) {
  const prior = defaultParameters(language.code);
  const errors = { before: [] as number[], ...Object.fromEntries(SIZES.map((n) => [n, [] as number[]])) } as Record<'before' | (typeof SIZES)[number], number[]>;
  const ownEstimate: number[] = [];
  for (const voice of voicesFor(language.espeak)) {
    const bySentence = language.paragraphs.map((p) => sentences(p));
    // Each sentence rendered once, at a speed picked by its place; each paragraph at every speed.
    const sentenceRenders = await inPairs(bySentence.flatMap((list, p) => list.map((text, s) => ({ p, text, speed: SPEEDS[(p + s) % SPEEDS.length] ?? 1 }))),
      async (item) => ({ p: item.p, heard: await measure(voice, item.speed, item.text) }));
    const paragraphRenders = await inPairs(language.paragraphs.flatMap((text, p) => SPEEDS.map((speed) => ({ p, text, speed }))),
      async (item) => ({ p: item.p, heard: await measure(voice, item.speed, item.text) }));
    for (let held = 0; held < language.paragraphs.length; held++) {
      const judged = paragraphRenders.filter((r) => r.p === held).map((r) => r.heard);
      errors.before.push(...judged.map((h) => relativeError(prior, language.code, h)));
      const training = shuffled(sentenceRenders.filter((r) => r.p !== held), held + 1).map((r, i): Observation => ({
        id: `s${i}`, kind: 'render', features: speechFeatures(r.heard.text, language.code), seconds: r.heard.seconds, speed: r.heard.speed,
      }));
      for (const size of SIZES) {
        const fit = fitVoice(training.slice(0, size), prior);
        errors[size].push(...judged.map((h) => relativeError(fit.parameters, language.code, h)));
        if (size === 10) ownEstimate.push(fit.error ?? 0);
      }
    }
  }
  allAtTen.push(...errors[10]);
  const atTen = mean(errors[10]);
  rows.push(`| ${language.code} | ${language.paragraphs.length} × 2 voices × 3 speeds | ${percent(mean(errors.before))} | ${percent(mean(errors[3]))} | ${percent(atTen)} | ${percent(mean(errors[30]))} | ${percent(mean(ownEstimate))} | ${atTen <= GOAL ? 'met' : 'NOT met'} |`);
}
console.log('\nLocal model against espeak-ng speech: mean absolute error per held-out paragraph\n');
console.log('| language | paragraphs judged | uncalibrated | 3 renders | 10 renders | 30 renders | fit\'s own ± at 10 | ≤ 5 % at 10 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`| all | | | | ${percent(mean(allAtTen))} | | | ${mean(allAtTen) <= GOAL ? 'met' : 'NOT met'} |`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s, renders cached in out/bench-speech/)`);
