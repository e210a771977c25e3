import type { UsageRecordInput } from './usage-data';

/** Public types of the API double. */

export const STATUS_FAULT_CODES = [429, 500, 502, 503, 504, 408, 401, 403, 402, 404, 409] as const;
export type StatusFaultCode = (typeof STATUS_FAULT_CODES)[number];

export type Fault =
  /** Vendor-shaped error; `retryAfter` is sent verbatim as the Retry-After header. */
  | { kind: 'status'; status: StatusFaultCode; retryAfter?: string }
  /** Never answers (until close()). */
  | { kind: 'hang' }
  /** The normal response, sent a few bytes at a time. */
  | { kind: 'drip'; bytesPerSecond: number }
  /** 200 with a truncated JSON text. */
  | { kind: 'malformed' }
  /** Any status and body; a string body is sent verbatim, anything else as JSON. */
  | { kind: 'body'; status?: number; body: unknown }
  /** 200 with a valid JSON body of `bytes` (default 10.5 MiB). */
  | { kind: 'huge'; bytes?: number }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 307 | 308 };

/** A queued fault hits the next `times` (default 1) requests whose path contains `path` (default: any). */
export type QueuedFault = Fault & { path?: string; times?: number };

/** Each matching request fails with probability `rate`, the fault drawn from `kinds`; `seed` makes runs repeatable. */
export interface RandomFaults {
  rate: number;
  kinds: Fault[];
  seed: number;
  path?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names, as sent (the API key included: tests check which key went out). */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** Date.now() on arrival. */
  at: number;
}

export interface ApiDoubleStats {
  total: number;
  byPath: Record<string, number>;
  inFlight: number;
  /** Most API requests seen in flight at once: checks a client's bounded parallelism. */
  inFlightMax: number;
}

export interface ApiDoubleControl {
  setLatency(ms: number): void;
  setBalance(balance: number | null): void;
  addFaults(...faults: QueuedFault[]): void;
  /** Drops queued faults and turns random faults off. */
  clearFaults(): void;
  setRandomFaults(config: RandomFaults | null): void;
  setUsage(records: UsageRecordInput[]): void;
  addUsage(records: UsageRecordInput[]): void;
  /** Faults, random faults, latency, balance and usage back to their start values; requests and stats cleared. */
  reset(): void;
  stats(): ApiDoubleStats;
}

export interface ApiDoubleOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keys answered as valid; default ['test-key']. `forbidden-key` and `exhausted-key` are always known. */
  keys?: string[];
  latencyMs?: number;
  /** Default 12500. */
  balance?: number | null;
  /** The clock the default usage data is relative to. */
  now?: () => Date;
}

export interface ApiDouble {
  url: string;
  port: number;
  close(): Promise<void>;
  control: ApiDoubleControl;
  requests: RecordedRequest[];
}
