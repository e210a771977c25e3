import { ApiError } from '../errors';
import { createHttp, type VendorHttpOptions } from '../http';
import {
  creditsResponseSchema, predictRequestSchema, predictResponseSchema, readSupertoneError, usageResponseSchema,
  voiceListResponseSchema, voiceSchema, voiceUsageResponseSchema,
  type Breakdown, type Credits, type PredictRequest, type UsageBucket, type Voice, type VoiceUsageRow,
} from './schemas';

export interface UsageQuery {
  start: Date;
  end: Date;
  bucketWidth: 'hour' | 'day';
  breakdown?: readonly Breakdown[];
}

export interface SupertoneClient {
  /** Seconds of speech for at most 300 characters. */
  predictDuration(voiceId: string, request: PredictRequest, signal?: AbortSignal): Promise<number>;
  getCredits(signal?: AbortSignal): Promise<Credits>;
  /** Every page of /v1/usage. */
  getUsage(query: UsageQuery, signal?: AbortSignal): Promise<UsageBucket[]>;
  /** /v1/voice-usage over any range: asked for in windows of at most 30 days, as the API requires. */
  getVoiceUsage(startDate: string, endDate: string, signal?: AbortSignal): Promise<VoiceUsageRow[]>;
  /** Every page of /v1/voices. */
  listVoices(signal?: AbortSignal): Promise<Voice[]>;
  getVoice(voiceId: string, signal?: AbortSignal): Promise<Voice>;
}

const MAX_PAGES = 200;
const USAGE_PAGE_SIZE = 20;
const VOICE_PAGE_SIZE = 100;
const VOICE_USAGE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export function createSupertoneClient(options: VendorHttpOptions): SupertoneClient {
  const http = createHttp({ ...options, keyHeader: 'x-sup-api-key', vendorName: 'Supertone', readEnvelope: readSupertoneError });

  /** Follows next_page_token; a server repeating a token must not loop us forever. */
  async function allPages<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; next?: string | null }>): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await fetchPage(token);
      items.push(...result.items);
      if (!result.next) return items;
      if (seen.has(result.next)) throw new ApiError('bad-response', 'Unexpected response from the API (paging loops).');
      seen.add(result.next);
      token = result.next;
    }
    throw new ApiError('bad-response', 'Unexpected response from the API (too many pages).');
  }

  return {
    async predictDuration(voiceId, request, signal) {
      const body = predictRequestSchema.parse(request);
      const result = await http.post(`v1/predict-duration/${encodeURIComponent(voiceId)}`, body, predictResponseSchema, { signal });
      return result.duration;
    },
    getCredits: (signal) => http.get('v1/credits', {}, creditsResponseSchema, { signal }),
    getUsage: (query, signal) =>
      allPages(async (token) => {
        const page = await http.get('v1/usage', {
          start_time: query.start.toISOString(),
          end_time: query.end.toISOString(),
          bucket_width: query.bucketWidth,
          breakdown_type: query.breakdown,
          page_size: USAGE_PAGE_SIZE,
          next_page_token: token,
        }, usageResponseSchema, { signal });
        return { items: page.data, next: page.next_page_token };
      }),
    async getVoiceUsage(startDate, endDate, signal) {
      const rows: VoiceUsageRow[] = [];
      for (const [from, to] of dateWindows(startDate, endDate, VOICE_USAGE_WINDOW_DAYS)) {
        const page = await http.get('v1/voice-usage', { start_date: from, end_date: to }, voiceUsageResponseSchema, { signal });
        rows.push(...page.usages);
      }
      return rows;
    },
    listVoices: (signal) =>
      allPages(async (token) => {
        const page = await http.get('v1/voices', { page_size: VOICE_PAGE_SIZE, next_page_token: token }, voiceListResponseSchema, { signal });
        return { items: page.items, next: page.next_page_token };
      }),
    getVoice: (voiceId, signal) => http.get(`v1/voices/${encodeURIComponent(voiceId)}`, {}, voiceSchema, { signal }),
  };
}

/** Inclusive YYYY-MM-DD windows of at most `days` days covering [start, end]. */
export function dateWindows(start: string, end: string, days: number): Array<[string, string]> {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || from > to) throw new RangeError(`Bad date range ${start}..${end}`);
  const windows: Array<[string, string]> = [];
  for (let cursor = from; cursor <= to; cursor += days * DAY_MS) {
    const last = Math.min(cursor + (days - 1) * DAY_MS, to);
    windows.push([isoDay(cursor), isoDay(last)]);
  }
  return windows;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
