/**
 * `npm run chaos`: 200 estimates against an API that fails at random on 20 % of calls (429, 5xx,
 * hangs, malformed and off-schema bodies). Every figure must be exact (equal to the API's own
 * model for each piece) or labelled: a piece that is not from the API is counted as local and the
 * result carries an error. Prints the counts; exits 1 if anything was silently wrong.
 */
import { createSources } from '../lib/sources';
import type { VoiceProfile } from '../lib/sources/types';
import { createCalibratedLocalModel } from '../lib/estimate/calibrated-local-model';
import { AdaptiveLimit } from '../lib/estimate/adaptive-limit';
import { Calibration } from '../lib/estimate/calibration';
import { DurationCache } from '../lib/estimate/duration-cache';
import { createEstimator } from '../lib/estimate/estimator';
import { normalizeScript } from '../lib/text/normalize';
import { predictedDuration } from '../tests/api-double/duration';
import { startApiDouble, type Fault } from '../tests/api-double/server';
import { plainSentence } from '../tests/fixtures/scripts';

const ESTIMATES = 200;
const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', model: 'sona_speech_1', speed: 1 };
const faults: Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 429, retryAfter: 'garbage' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'hang' },
  { kind: 'malformed' },
  { kind: 'body', body: { duration: -1 } },
  { kind: 'body', body: { duration: 1e308 } },
  { kind: 'body', body: {} },
];

const api = await startApiDouble();
api.control.setRandomFaults({ rate: 0.2, kinds: faults, seed: 20261122, path: '/v1/predict-duration' });
const limit = new AdaptiveLimit(4);
const estimator = createEstimator({
  source: createSources('supertone', {
    baseUrl: api.url, apiKey: 'test-key', timeoutMs: 300, deadlineMs: 3_000, retries: 2, backoffBaseMs: 20, backoffCapMs: 200,
    onRetry: (notice) => { if (notice.status === 429) limit.slowDown(); },
  }).duration,
  cache: new DurationCache(), local: createCalibratedLocalModel(new Calibration()), limit,
});

const counts = { estimates: 0, exactApi: 0, labelledMixed: 0, labelledLocal: 0, silentlyWrong: 0, pieces: 0, localPieces: 0 };
const started = Date.now();
for (let i = 0; i < ESTIMATES; i++) {
  const text = Array.from({ length: 1 + (i % 6) }, (_, k) => plainSentence(i * 7 + k * 131)).join(' ');
  const result = await estimator.estimate(text, voice);
  const spoken = normalizeScript(text).text;
  counts.estimates += 1;
  let wrong = false;
  for (const piece of result.pieces) {
    counts.pieces += 1;
    if (piece.source === 'local') {
      counts.localPieces += 1;
      continue;
    }
    const truth = predictedDuration(voice.voiceId, { text: spoken.slice(piece.start, piece.end).trim(), language: 'en', voice_settings: { speed: 1 } });
    if (piece.seconds !== truth) wrong = true;
  }
  const hasLocal = result.pieces.some((p) => p.source === 'local');
  if (wrong || (hasLocal && (result.errors.length === 0 || result.source === 'api' || result.source === 'cache'))) counts.silentlyWrong += 1;
  else if (!hasLocal) counts.exactApi += 1;
  else if (result.source === 'mixed') counts.labelledMixed += 1;
  else counts.labelledLocal += 1;
}
const predictRequests = Object.entries(api.control.stats().byPath)
  .filter(([path]) => path.startsWith('/v1/predict-duration')).reduce((sum, [, n]) => sum + n, 0);
await api.close();

console.log(`chaos: ${counts.estimates} estimates, ${counts.pieces} pieces, ${predictRequests} predict requests (20 % failing at random), ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`  exact (all pieces from the API or cache, equal to the API's figure): ${counts.exactApi}`);
console.log(`  labelled mixed (some pieces local, with the error said): ${counts.labelledMixed}`);
console.log(`  labelled local (no piece from the API, with the error said): ${counts.labelledLocal}`);
console.log(`  local pieces in all: ${counts.localPieces}`);
console.log(`  silently wrong: ${counts.silentlyWrong}`);
process.exitCode = counts.silentlyWrong === 0 && counts.estimates === ESTIMATES ? 0 : 1;
