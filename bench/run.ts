/**
 * `npm run bench`: speed figures measured in one run, as ratios where the goal is a ratio.
 * Runs against the local API double on loopback; prints a Markdown table for the README.
 */
import { performance } from 'node:perf_hooks';
import { createSources } from '../lib/sources';
import type { VoiceProfile } from '../lib/sources/types';
import { createLocalDurationModel, paceFrom } from '../lib/calibration/local-duration-model';
import { AdaptiveLimit } from '../lib/estimate/adaptive-limit';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator } from '../lib/estimate/estimator';
import { chunkText } from '../lib/text/chunk';
import { normalizeScript } from '../lib/text/normalize';
import { predictedDuration } from '../tests/api-double/duration';
import { startApiDouble } from '../tests/api-double/server';
import { englishScript, mixedText, plainSentence, sentence } from '../tests/fixtures/scripts';
import { fewestSections } from '../tests/fixtures/sections';
import { startAudioStackDouble } from '../tests/audiostack-double/server';
import { AUDIOSTACK_VOICES } from '../tests/audiostack-double/voices';
import { voiceInfo } from '../lib/sources/audiostack';
import { voiceDirectory } from '../lib/sources/voice-catalog';
import { VOICES } from '../tests/api-double/voices';

const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };
const rows: Array<[string, string, string, string]> = [];
const report = (what: string, figure: string, goal: string, met: boolean | undefined) =>
  rows.push([what, figure, goal, met === undefined ? '' : met ? 'met' : 'NOT met']);

const api = await startApiDouble({ latencyMs: 200 });
const estimatorWith = (concurrency: number, cache = new DurationCache(50_000)) => createEstimator({
  source: createSources('supertone', { baseUrl: api.url, apiKey: 'test-key' }).duration,
  cache, local: createLocalDurationModel({ calibrations: () => [] }), limit: new AdaptiveLimit(concurrency),
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

// 1. Parallel engine vs one call at a time, 200 ms latency.
{
  const script = englishScript(10_000);
  const pieces = chunkText(script).length;
  const parallel = await timed(() => estimatorWith(4).estimate(script, voice));
  const serial = await timed(() => estimatorWith(1).estimate(script, voice));
  const ratio = parallel.ms / serial.ms;
  report(`Engine ÷ one-at-a-time wall time (${pieces} pieces, 200 ms latency)`,
    `${ratio.toFixed(3)} (${Math.round(parallel.ms)} ms vs ${Math.round(serial.ms)} ms)`, '≤ 0.3', ratio <= 0.3);
}

// 2. Re-estimate after editing one sentence of a 50,000-character script.
{
  const script = englishScript(50_000);
  const estimator = estimatorWith(4);
  const first = await estimator.estimate(script, voice);
  const calls: number[] = [];
  const times: number[] = [];
  for (const i of [40, 120, 260, 380]) {
    const edited = script.replace(sentence(i), `${sentence(i).slice(0, -1)}, edited for the benchmark.`);
    const again = await timed(() => estimator.estimate(edited, voice));
    calls.push(again.value.calls);
    times.push(again.ms);
  }
  report(`Predict calls after a one-sentence edit (50,000 chars, ${first.calls} pieces; 4 edits)`,
    `max ${Math.max(...calls)}, each: ${calls.join(', ')}`, '≤ 2', Math.max(...calls) <= 2);
  report('Re-estimate time after a one-sentence edit (200 ms latency)', `median ${Math.round(times.sort((a, b) => a - b)[1] ?? 0)} ms`, '', undefined);
  const cached = await timed(() => estimator.estimate(script, voice));
  report('Re-estimate of an unchanged 50,000-char script (all cache)', `${cached.ms.toFixed(1)} ms, ${cached.value.calls} calls`, '', undefined);
}
await api.close();

// 3. AudioStack: predict calls cost credits, so as few as the voice's section limit allows.
{
  const audiostack = await startAudioStackDouble({ balance: 10_000 });
  const directory = voiceDirectory(AUDIOSTACK_VOICES.map(voiceInfo));
  const paid = (alias: string) => ({
    estimator: createEstimator({
      source: createSources('audiostack', { baseUrl: audiostack.url, apiKey: 'test-key', voices: directory }).duration,
      cache: new DurationCache(50_000), local: createLocalDurationModel({ calibrations: () => [], charsPerSecond: paceFrom(directory) }),
    }),
    voice: { source: 'audiostack', voiceId: alias, language: 'en', speed: 1 } satisfies VoiceProfile,
  });
  const script = englishScript(10_000);
  const spoken = normalizeScript(script).text;
  for (const [alias, limit] of [['sara', 1_000], ['ava', 500]] as const) {
    const { estimator, voice: paidVoice } = paid(alias);
    const first = await estimator.estimate(script, paidVoice, { consent: { maxCredits: 100 } });
    const fewest = fewestSections(spoken, limit);
    report(`AudioStack predict calls for a ${spoken.length.toLocaleString('en')}-character script, voice "${alias}" (section limit ${limit.toLocaleString('en')})`,
      `${first.calls} calls, ${first.predictCredits} credits (fewest at sentence ends: ${fewest}; characters ÷ limit: ${Math.ceil(spoken.length / limit)})`,
      '= fewest', first.calls === fewest);
    if (alias !== 'sara') continue;
    const calls: number[] = [];
    for (const i of [6, 21, 37, 48]) {
      const edited = script.replace(sentence(i), `${sentence(i).slice(0, -1)}, and one more thought.`);
      calls.push((await estimator.estimate(edited, paidVoice, { consent: { maxCredits: 10 } })).calls);
    }
    report('AudioStack predict calls after editing one paragraph (same script, 4 edits)', `max ${Math.max(...calls)}, each: ${calls.join(', ')} (${Math.max(...calls) * 0.25} credits at most)`,
      '1', Math.max(...calls) === 1);
  }
  await audiostack.close();
}

// 4. Chunker and normalizer throughput on 1 MB of mixed-language text.
{
  const text = mixedText(1024 * 1024);
  const mb = Buffer.byteLength(text) / (1024 * 1024);
  chunkText(text); // warm-up
  const runs = 5;
  let started = performance.now();
  for (let i = 0; i < runs; i++) chunkText(text);
  const chunkMbs = (mb * runs) / ((performance.now() - started) / 1000);
  report('Chunker throughput, 1 MB mixed-language text', `${chunkMbs.toFixed(1)} MB/s`, '≥ 5 MB/s', chunkMbs >= 5);
  started = performance.now();
  for (let i = 0; i < runs; i++) normalizeScript(text);
  const normMbs = (mb * runs) / ((performance.now() - started) / 1000);
  report('Normalizer throughput, same text', `${normMbs.toFixed(1)} MB/s`, '', undefined);
}

// 5. Local model error against the API's answers, before and after calibration, for three voices.
{
  const voices = VOICES.slice(0, 3);
  // Trained on even sentences, judged on odd ones: the same kind of text, never the same text.
  const heldOut = Array.from({ length: 200 }, (_, i) => plainSentence(2 * i + 1));
  const errors = voices.map((v) => {
    const truth = (text: string) => predictedDuration(v.voice_id, { text, language: 'en', voice_settings: { speed: 1 } });
    const local = createLocalDurationModel({ calibrations: () => [] });
    const profile = { source: 'supertone' as const, voiceId: v.voice_id, language: 'en', model: 'sona_speech_1', speed: 1 };
    const meanError = () => heldOut.reduce((sum, s) => {
      const actual = truth(s);
      return sum + Math.abs(local.seconds(s, profile) - actual) / actual;
    }, 0) / heldOut.length;
    const before = meanError();
    for (let i = 0; i < 30; i++) {
      const s = plainSentence(2 * i);
      local.learn(s, profile, truth(s), 'supertone');
    }
    return { name: v.name, before, after: meanError() };
  });
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  report('Local estimate error vs API answers, mean absolute, 200 held-out sentences, before → after calibrating on 30',
    errors.map((e) => `${e.name}: ${percent(e.before)} → ${percent(e.after)}`).join('; '), 'improves',
    errors.every((e) => e.after < e.before));
}

console.log('\n| measure | figure | goal | |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const missed = rows.filter((row) => row[3] === 'NOT met').length;
if (missed > 0) console.log(`\n${missed} goal(s) not met`);
