import { randomUUID } from 'node:crypto';
import { AUDIOSTACK_CALL_CREDITS } from '@/lib/rates/tables';
import { predictRequestSchema } from '@/lib/sources/audiostack';
import type { ApiRequest, ApiResponse } from '../api-double/routes';
import { predictedLength } from './duration';
import { AUDIOSTACK_VOICES, findAudioStackVoice, PREDICT_VOICES, sectionLimit, wireVoice } from './voices';

/** The newer services spell the envelope's metadata `metadata`; older ones `meta`. */
export type EnvelopeSpelling = 'meta' | 'metadata';

/** A call the double billed: what it was for and what it cost. */
export interface Charge {
  method: string;
  path: string;
  voice?: string;
  text?: string;
  credits: number;
}

export interface AudioStackContext {
  keys: ReadonlySet<string>;
  /** null: the account reports no balance (every envelope leaves `creditsRemaining` out). */
  balance(): number | null;
  spend(charge: Charge): void;
  envelope: EnvelopeSpelling;
  /** false: envelopes leave `creditsRemaining` out, as a service might. */
  reportRemaining: boolean;
}

export const FORBIDDEN_KEY = 'forbidden-key';
export const EXHAUSTED_KEY = 'exhausted-key';

/** The metadata every JSON answer carries, under the spelling chosen. */
export function envelopeMeta(ctx: AudioStackContext, creditsUsed: number): Record<string, unknown> {
  const balance = ctx.balance();
  const meta = {
    version: '1', requestId: randomUUID(), creditsUsed,
    ...(ctx.reportRemaining && balance !== null && { creditsRemaining: balance }),
  };
  return { [ctx.envelope]: meta };
}

function ok(ctx: AudioStackContext, data: unknown, creditsUsed: number): ApiResponse {
  return { status: 200, body: { data, message: 'OK', warnings: [], errors: [], ...envelopeMeta(ctx, creditsUsed) } };
}

/** Error bodies as AudioStack's error page shows them: a message and a list of errors, with the envelope's metadata. */
export function failure(ctx: AudioStackContext, status: number, message: string, errors: string[]): ApiResponse {
  return { status, body: { message, errors, ...envelopeMeta(ctx, 0) } };
}

/** A route's answer: its data (billed and wrapped in the envelope), or a failure (not billed). */
type Outcome = { data: unknown } | { failure: ApiResponse };

type Handler = (params: Record<string, string>, req: ApiRequest, ctx: AudioStackContext) => Outcome;

interface Route {
  method: string;
  pattern: RegExp;
  /** Credits the call costs when answered. */
  credits: number;
  handle: Handler;
}

function route(method: string, template: string, credits: number, handle: Handler): Route {
  return { method, pattern: new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`), credits, handle };
}

const fail = (ctx: AudioStackContext, status: number, message: string, errors: string[]): Outcome => ({ failure: failure(ctx, status, message, errors) });

const predict: Handler = (_params, req, ctx) => {
  const body = predictRequestSchema.safeParse(req.body);
  if (!body.success) return fail(ctx, 400, 'Bad request', body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
  const voice = findAudioStackVoice(body.data.voice);
  if (!voice || !PREDICT_VOICES.includes(voice.alias)) return fail(ctx, 404, 'Not found', [`Voice ${body.data.voice} is not available for predict`]);
  const limit = sectionLimit(voice);
  if (body.data.text.length > limit) return fail(ctx, 400, 'Bad request', [`text is longer than this voice's section limit (${limit} characters)`]);
  return { data: { length: predictedLength(voice, body.data.text), r2: 0.97 } };
};

const voiceList: Handler = (_params, req) => {
  const filter = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : undefined);
  const provider = filter('provider');
  const languageCode = filter('languageCode');
  const voices = AUDIOSTACK_VOICES.filter((v) => (!provider || v.provider === provider) && (!languageCode || v.languageCode === languageCode));
  return { data: { voices: voices.map(wireVoice) } };
};

export const AUDIOSTACK_ROUTES: readonly Route[] = [
  route('POST', '/speech/predict', AUDIOSTACK_CALL_CREDITS.predict, predict),
  route('GET', '/speech/voice', AUDIOSTACK_CALL_CREDITS.voices, voiceList),
  route('GET', '/content/scripts', AUDIOSTACK_CALL_CREDITS.scripts, () => ({ data: { scripts: [] } })),
];

export function findRoute(req: ApiRequest): Route | undefined {
  return AUDIOSTACK_ROUTES.find((r) => r.method === req.method && r.pattern.test(req.path));
}

/** Auth, credits, then the route; an answered paid call is billed before its envelope is written. */
export function handleAudioStack(req: ApiRequest, ctx: AudioStackContext): ApiResponse {
  const matched = findRoute(req);
  if (!matched) return failure(ctx, 404, 'Not found', [`Cannot ${req.method} ${req.path}`]);
  const key = req.headers['x-api-key'];
  if (key === undefined || (key !== FORBIDDEN_KEY && key !== EXHAUSTED_KEY && !ctx.keys.has(key))) {
    return failure(ctx, 401, 'Unauthorized', ['No valid API key provided']);
  }
  if (key === FORBIDDEN_KEY) return failure(ctx, 403, 'Forbidden', ['This API key lacks permission for this route']);
  if (typeof req.body === 'string') return failure(ctx, 400, 'Bad request', ['Request body is not valid JSON']);
  const balance = ctx.balance();
  if (matched.credits > 0 && (key === EXHAUSTED_KEY || (balance !== null && balance < matched.credits))) {
    return failure(ctx, 402, 'Request failed', ['Not enough credits']);
  }
  let params: Record<string, string>;
  try {
    params = Object.fromEntries(Object.entries(matched.pattern.exec(req.path)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    return failure(ctx, 400, 'Bad request', ['Malformed path']);
  }
  const outcome = matched.handle(params, req, ctx);
  if ('failure' in outcome) return outcome.failure;
  if (matched.credits > 0) {
    const body = req.body as { voice?: string; text?: string } | undefined;
    ctx.spend({ method: req.method, path: req.path, voice: body?.voice ?? params.alias, text: body?.text, credits: matched.credits });
  }
  return ok(ctx, outcome.data, matched.credits);
}
