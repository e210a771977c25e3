/**
 * `npm run chaos`: 200 estimates per vendor against an API that fails at random on 20 % of predict
 * calls (429, 5xx, hangs, malformed and off-schema bodies; for AudioStack also HTML 5xx pages and
 * gateway timeouts). Every figure must be exact (equal to the API's own model for each piece) or
 * labelled: a piece that is not from the API is counted as local and the result carries an error.
 * For AudioStack, whose predictions cost credits, no paid call may be asked twice once the vendor
 * billed it, and the credits each estimate reports must add up to what the vendor billed.
 * Prints the counts; exits 1 if anything was silently wrong, repeated or miscounted.
 */
import { AdaptiveLimit } from '../lib/estimate/adaptive-limit';
import { createLocalDurationModel, paceFrom } from '../lib/calibration/local-duration-model';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator, type EstimateResult, type Estimator } from '../lib/estimate/estimator';
import { createSources } from '../lib/sources';
import { voiceInfo } from '../lib/sources/audiostack';
import type { VoiceProfile } from '../lib/sources/types';
import { voiceDirectory } from '../lib/sources/voice-catalog';
import { normalizeScript } from '../lib/text/normalize';
import { predictedDuration } from '../tests/api-double/duration';
import { startApiDouble, type Fault } from '../tests/api-double/server';
import { predictedLength } from '../tests/audiostack-double/duration';
import { startAudioStackDouble } from '../tests/audiostack-double/server';
import { AUDIOSTACK_VOICES, findAudioStackVoice } from '../tests/audiostack-double/voices';
import { plainSentence } from '../tests/fixtures/scripts';

const ESTIMATES = 200;
const RATE = 0.2;
const SEED = 20261122;
const CLIENT = { timeoutMs: 300, deadlineMs: 3_000, retries: 2, backoffBaseMs: 20, backoffCapMs: 200 };

const SHARED_FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'hang' },
  { kind: 'malformed' },
];

interface Counts {
  estimates: number; exactApi: number; labelledMixed: number; labelledLocal: number; silentlyWrong: number;
  pieces: number; localPieces: number;
}

/** Runs the estimates; `truth` is the double's own figure for a piece's text. */
async function run(estimator: Estimator, voice: VoiceProfile, text: (i: number) => string, truth: (piece: string) => number, consent: boolean) {
  const counts: Counts = { estimates: 0, exactApi: 0, labelledMixed: 0, labelledLocal: 0, silentlyWrong: 0, pieces: 0, localPieces: 0 };
  const results: EstimateResult[] = [];
  for (let i = 0; i < ESTIMATES; i++) {
    const script = text(i);
    const plan = consent ? await estimator.plan(script, voice) : undefined;
    const result = await estimator.estimate(script, voice, plan && { consent: { maxCredits: plan.credits } });
    results.push(result);
    const spoken = normalizeScript(script).text;
    counts.estimates += 1;
    let wrong = false;
    for (const piece of result.pieces) {
      counts.pieces += 1;
      if (piece.source === 'local') {
        counts.localPieces += 1;
        continue;
      }
      if (Math.abs(piece.seconds - truth(spoken.slice(piece.start, piece.end).trim())) > 1e-9) wrong = true;
    }
    const hasLocal = result.pieces.some((p) => p.source === 'local');
    if (wrong || (hasLocal && (result.errors.length === 0 || result.source === 'api' || result.source === 'cache'))) counts.silentlyWrong += 1;
    else if (!hasLocal) counts.exactApi += 1;
    else if (result.source === 'mixed') counts.labelledMixed += 1;
    else counts.labelledLocal += 1;
  }
  return { counts, results };
}

function print(label: string, counts: Counts, requests: number, seconds: number): void {
  console.log(`chaos, ${label}: ${counts.estimates} estimates, ${counts.pieces} pieces, ${requests} predict requests (${RATE * 100} % failing at random), ${seconds.toFixed(1)} s`);
  console.log(`  exact (all pieces from the API or cache, equal to the API's figure): ${counts.exactApi}`);
  console.log(`  labelled mixed (some pieces local, with the error said): ${counts.labelledMixed}`);
  console.log(`  labelled local (no piece from the API, with the error said): ${counts.labelledLocal}`);
  console.log(`  local pieces in all: ${counts.localPieces}`);
  console.log(`  silently wrong: ${counts.silentlyWrong}`);
}

async function supertone(): Promise<boolean> {
  const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };
  const api = await startApiDouble();
  api.control.setRandomFaults({
    rate: RATE, seed: SEED, path: '/v1/predict-duration',
    kinds: [...SHARED_FAULTS, { kind: 'status', status: 429, retryAfter: 'garbage' }, { kind: 'body', body: { duration: -1 } }, { kind: 'body', body: { duration: 1e308 } }, { kind: 'body', body: {} }],
  });
  const limit = new AdaptiveLimit(4);
  const estimator = createEstimator({
    source: createSources('supertone', { baseUrl: api.url, apiKey: 'test-key', ...CLIENT, onRetry: (notice) => { if (notice.status === 429) limit.slowDown(); } }).duration,
    cache: new DurationCache(), local: createLocalDurationModel({ calibrations: () => [] }), limit,
  });
  const started = Date.now();
  const { counts } = await run(
    estimator, voice,
    (i) => Array.from({ length: 1 + (i % 6) }, (_, k) => plainSentence(i * 7 + k * 131)).join(' '),
    (piece) => predictedDuration(voice.voiceId, { text: piece, language: 'en', voice_settings: { speed: 1 } }),
    false,
  );
  const requests = Object.entries(api.control.stats().byPath).filter(([path]) => path.startsWith('/v1/predict-duration')).reduce((sum, [, n]) => sum + n, 0);
  await api.close();
  print('Supertone', counts, requests, (Date.now() - started) / 1000);
  return counts.silentlyWrong === 0 && counts.estimates === ESTIMATES;
}

async function audiostack(): Promise<boolean> {
  const voice: VoiceProfile = { source: 'audiostack', voiceId: 'ava', language: 'en', speed: 1 };
  const ava = findAudioStackVoice('ava');
  if (!ava) throw new Error('the double has no voice "ava"');
  const double = await startAudioStackDouble({ balance: 1_000 });
  double.control.setRandomFaults({
    rate: RATE, seed: SEED, path: '/speech/predict',
    kinds: [
      ...SHARED_FAULTS, { kind: 'status', status: 504 },
      { kind: 'body', body: { data: { length: -1 }, meta: { creditsUsed: 0.25 } } }, { kind: 'body', body: { data: {} } },
    ],
  });
  const voices = voiceDirectory(AUDIOSTACK_VOICES.map(voiceInfo));
  const estimator = createEstimator({
    source: createSources('audiostack', { baseUrl: double.url, apiKey: 'test-key', voices, ...CLIENT }).duration,
    cache: new DurationCache(), local: createLocalDurationModel({ calibrations: () => [], charsPerSecond: paceFrom(voices) }),
  });
  const started = Date.now();
  // Every estimate's text is its own ("Take i."), so a text billed twice can only be a paid call asked again.
  const { counts, results } = await run(
    estimator, voice,
    (i) => [`Take ${i + 1}.`, ...Array.from({ length: 2 + (i % 9) }, (_, k) => plainSentence(i * 11 + k * 131))].join(' '),
    (piece) => predictedLength(ava, piece),
    true,
  );
  const charges = double.control.charges();
  const billedPerText = new Map<string, number>();
  for (const charge of charges) billedPerText.set(charge.text ?? '', (billedPerText.get(charge.text ?? '') ?? 0) + 1);
  const repeated = [...billedPerText.values()].filter((n) => n > 1).length;
  const billed = charges.reduce((sum, charge) => sum + charge.credits, 0);
  const counted = results.reduce((sum, result) => sum + result.predictCredits, 0);
  const requests = double.requests.filter((r) => r.path === '/speech/predict').length;
  await double.close();
  print('AudioStack', counts, requests, (Date.now() - started) / 1000);
  console.log(`  paid calls billed: ${charges.length} (${billed.toFixed(2)} credits); asked again after being billed: ${repeated}`);
  console.log(`  credits the estimates reported: ${counted.toFixed(2)} (${results.filter((r) => r.warnings.some((w) => w.includes('charge'))).length} estimates with a charge not known, counted at the table's price)`);
  return counts.silentlyWrong === 0 && counts.estimates === ESTIMATES && repeated === 0 && Math.abs(billed - counted) < 1e-6;
}

const ok = [await supertone(), await audiostack()].every(Boolean);
process.exitCode = ok ? 0 : 1;
