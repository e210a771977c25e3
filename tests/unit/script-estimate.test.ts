import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import SrtParser from 'srt-parser-2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { cuesFromLines, toSrt, toVtt } from '@/lib/cues/cues';
import { createCalibratedLocalModel } from '@/lib/estimate/calibrated-local-model';
import { Calibration } from '@/lib/estimate/calibration';
import { DurationCache } from '@/lib/estimate/duration-cache';
import { createEstimator } from '@/lib/estimate/estimator';
import { castLookup, parseCast, type Cast } from '@/lib/script/cast';
import { estimateScript } from '@/lib/script/estimate';
import { lineEstimator } from '@/lib/script/line-estimator';
import { paragraphScript, parseScript } from '@/lib/script/parse';
import { DEFAULT_SCRIPT_OPTIONS } from '@/lib/script/rules';
import { createSources } from '@/lib/sources';
import type { VoiceProfile } from '@/lib/sources/types';
import { chunkText } from '@/lib/text/chunk';
import { predictedDuration } from '../api-double/duration';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { VOICES } from '../api-double/voices';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/scripts/${name}`, import.meta.url), 'utf8');
const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
const [DEFAULT, HOST, ANNA, GUEST] = VOICES.map((voice) => voice.voice_id) as [string, string, string, string];
const base: VoiceProfile = { source: 'supertone', voiceId: DEFAULT, language: 'en', model: 'sona_speech_1', speed: 1 };
const cast: Cast = {
  host: { voice: HOST },
  ANNA: { voice: ANNA, speed: 1.25 },
  '*': { voice: GUEST },
};

let api: ApiDouble;
beforeAll(async () => { api = await startApiDouble(); });
afterAll(() => api.close());
beforeEach(() => api.control.reset());

/** What the API double says for a text with a voice, piece by piece as the estimator sends it. */
const apiSeconds = (text: string, voiceId: string, speed: number) => chunkText(text).reduce((sum, chunk) =>
  sum + predictedDuration(voiceId, { text: chunk.text.trim(), language: 'en', model: 'sona_speech_1', voice_settings: { speed } }), 0);

function setup(apiKey: string | null = 'test-key') {
  const cache = new DurationCache();
  const model = createCalibratedLocalModel(new Calibration());
  const source = apiKey ? createSources('supertone', { baseUrl: api.url, apiKey }).duration : undefined;
  const apiEstimator = createEstimator({ source, cache, local: model });
  const local = createEstimator({ cache, local: model });
  return { apiEstimator, local, estimateLine: lineEstimator({ supertone: apiEstimator }, local) };
}

describe('cast', () => {
  it('matches names case-insensitively, falls back to * then the settings, and says who was not cast', () => {
    const lookup = castLookup(cast, base);
    expect(lookup.member('Host')).toMatchObject({ entry: 'host', profile: { voiceId: HOST, speed: 1 } });
    expect(lookup.member('anna')).toMatchObject({ entry: 'ANNA', profile: { voiceId: ANNA, speed: 1.25 } });
    expect(lookup.member('Ben')).toMatchObject({ entry: '*', profile: { voiceId: GUEST } });
    expect(castLookup({}, base).member('Ben')).toMatchObject({ entry: null, profile: base });
  });

  it('explains a bad cast by speaker and field', () => {
    expect(parseCast({ ANNA: { speed: 3 } })).toEqual({ ok: false, error: 'ANNA.speed: Speed is at most 2.' });
    expect(parseCast({ ANNA: { voice: 'a' }, anna: { voice: 'b' } })).toMatchObject({ ok: false, error: expect.stringMatching(/"anna" is in the cast twice/) });
    expect(parseCast({ ANNA: { colour: 'red' } })).toMatchObject({ ok: false, error: expect.stringMatching(/^ANNA: .*colour/) });
    expect(parseCast([1])).toMatchObject({ ok: false });
  });
});

describe('estimateScript', () => {
  const podcast = fixture('podcast.txt');

  it('estimates each line with its speaker\'s voice and totals per speaker, with cumulative timecodes', async () => {
    const { estimateLine } = setup();
    const script = parseScript(podcast, DEFAULT_SCRIPT_OPTIONS)!;
    const lookup = castLookup(cast, base);
    const { figures, total } = await estimateScript(podcast, script, { cast: lookup, estimateLine, headline: 'supertone' });
    expect(figures.speakers.map((s) => [s.name, s.cast, s.voice, s.lines])).toEqual([
      [null, '*', GUEST, 1], ['HOST', 'host', HOST, 3], ['ANNA', 'ANNA', ANNA, 2], ['Ben', '*', GUEST, 2],
    ]);
    expect(figures.voices).toBe(3);
    expect(figures.uncast).toEqual(['Ben']);
    // Each line is the API's figure for that line with that voice.
    const predicts = api.requests.filter((r) => r.path.startsWith('/v1/predict-duration/'));
    expect(new Set(predicts.map((r) => r.path.split('/').pop()))).toEqual(new Set([GUEST, HOST, ANNA]));
    const annaSays = "Thanks for having me. (laughs) It's a topic I love.";
    expect(figures.lines[2]).toMatchObject({ speaker: 'ANNA', text: annaSays, provenance: 'api' });
    expect(figures.lines[2]?.seconds).toBeCloseTo(apiSeconds(annaSays, ANNA, 1.25), 2);
    expect(figures.lines.at(-1)?.seconds).toBeCloseTo(apiSeconds("That's all for today. See you next week.", HOST, 1), 2);
    // Timecodes: each line starts where the last ended; the total is the sum.
    figures.lines.forEach((line, k) => expect(line.startsAt).toBeCloseTo(k === 0 ? 0 : figures.lines[k - 1]!.endsAt, 2));
    expect(total.seconds).toBeCloseTo(figures.lines.reduce((sum, line) => sum + line.seconds, 0), 2);
    expect(figures.speakers.reduce((sum, s) => sum + s.seconds, 0)).toBeCloseTo(total.seconds, 1);
    expect(total.source).toBe('api');
    expect(total.excluded.filter((e) => e.rule === 'speakerLabels')).toHaveLength(7);
    expect(total.excluded.filter((e) => e.rule === 'directions').map((e) => e.text)).toEqual(['[music fades]', '[pause 500ms]']);
    for (const e of total.excluded) expect(podcast.slice(e.start, e.end)).toBe(e.text);
  });

  it('prices each line at its voice: the cast\'s vendor, else the headline provider', async () => {
    const { estimateLine } = setup(null);
    const input = 'ANNA: Hello there, how are you today?\nBEN: Fine, thanks.\n';
    const lookup = castLookup({ ANNA: { source: 'supertone' } }, base);
    const { figures } = await estimateScript(input, parseScript(input, DEFAULT_SCRIPT_OPTIONS)!, { cast: lookup, estimateLine, headline: 'elevenlabs' });
    const [anna, ben] = figures.lines;
    expect(anna).toMatchObject({ provider: 'supertone' });
    expect(anna!.credits).toBeCloseTo(anna!.seconds, 3); // 1 credit a second
    expect(ben).toMatchObject({ provider: 'elevenlabs' });
    expect(ben!.credits).toBeCloseTo((ben!.seconds / 60) * 9, 3);
    expect(figures.credits).toBeCloseTo(anna!.credits + ben!.credits, 3);
  });

  it('without a key every line is local and the total says why', async () => {
    const { estimateLine } = setup(null);
    const { total } = await estimateScript(podcast, parseScript(podcast, DEFAULT_SCRIPT_OPTIONS)!, { cast: castLookup(cast, base), estimateLine, headline: 'supertone' });
    expect(total.source).toBe('local');
    expect(total.localReason).toMatch(/No API key/);
    expect(api.requests).toHaveLength(0);
  });

});

describe('cue sheets', () => {
  async function figuresOf(input: string) {
    const { estimateLine } = setup(null);
    const script = parseScript(input, DEFAULT_SCRIPT_OPTIONS) ?? paragraphScript(input);
    return (await estimateScript(input, script, { cast: castLookup(cast, base), estimateLine, headline: 'supertone' })).figures;
  }

  it('WebVTT: one cue per line, the speaker as <v>, times as estimated; the W3C-style validator finds no error', async () => {
    const figures = await figuresOf(fixture('podcast.txt') + 'ANNA: Fish & chips <3 --> yes\n');
    const vtt = toVtt(cuesFromLines(figures.lines));
    const parsed = new WebVTTParser(entities).parse(vtt, 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues).toHaveLength(figures.lines.length);
    parsed.cues.forEach((cue, k) => {
      const line = figures.lines[k]!;
      expect(cue.startTime).toBeCloseTo(line.startsAt, 2);
      expect(cue.endTime).toBeCloseTo(line.endsAt, 2);
      const voice = cue.tree.children[0];
      if (line.speaker) expect(voice).toMatchObject({ name: 'v', value: line.speaker });
    });
    const last = parsed.cues.at(-1)!.tree.children[0]!;
    expect(last.children?.[0]?.value).toBe('Fish & chips <3 -> yes');
  });

  it('SRT: numbered cues with "NAME: text", readable by srt-parser-2 with the same times', async () => {
    const figures = await figuresOf(fixture('brick-and-steel.fountain'));
    const srt = toSrt(cuesFromLines(figures.lines));
    expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:0\d,\d{3}\nSTEEL: Beer's ready!\n\n2\n/);
    const parsed = new SrtParser().fromSrt(srt);
    expect(parsed.map((cue) => cue.text)).toEqual(figures.lines.map((line) => (line.speaker ? `${line.speaker}: ${line.text}` : line.text)));
    parsed.forEach((cue, k) => {
      expect(cue.id).toBe(String(k + 1));
      expect(cue.startSeconds).toBeCloseTo(figures.lines[k]!.startsAt, 2);
      expect(cue.endSeconds).toBeCloseTo(figures.lines[k]!.endsAt, 2);
    });
  });

  it('unlabelled text: one cue per paragraph; past an hour the clock keeps counting', async () => {
    const figures = await figuresOf('First paragraph here.\n\nSecond one, a little longer than the first.\n');
    expect(toSrt(cuesFromLines(figures.lines)).split('\n\n')).toHaveLength(2);
    expect(toVtt([{ speaker: null, text: 'Late', start: 3_725.5, end: 3_727 }])).toContain('01:02:05.500 --> 01:02:07.000\nLate');
    expect(toSrt([{ speaker: 'A', text: 'Nothing', start: 1, end: 1 }])).toBe('');
  });
});
