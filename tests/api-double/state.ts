import { createFaultPlan, type FaultPlan } from './faults';
import { defaultUsage, toUsageRecord, type UsageRecord } from './usage-data';
import type { ApiDoubleControl, ApiDoubleStats, RecordedRequest } from './types';

/** The double's mutable state behind `control`, so the server and the HTTP control endpoint share one. */
export interface DoubleState {
  control: ApiDoubleControl;
  requests: RecordedRequest[];
  faults: FaultPlan;
  latencyMs(): number;
  balance(): number | null;
  usage(): readonly UsageRecord[];
  /** Records an API request; the returned function marks it finished. */
  begin(request: RecordedRequest): () => void;
}

export interface StateDefaults {
  latencyMs: number;
  balance: number | null;
  now: () => Date;
}

export function createState(defaults: StateDefaults): DoubleState {
  const requests: RecordedRequest[] = [];
  const faults = createFaultPlan();
  let latencyMs = defaults.latencyMs;
  let balance = defaults.balance;
  let usage = defaultUsage(defaults.now());
  let counts = { total: 0, byPath: new Map<string, number>(), inFlight: 0, inFlightMax: 0 };

  const control: ApiDoubleControl = {
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    setBalance(value) {
      balance = value;
    },
    addFaults(...added) {
      faults.add(added);
    },
    clearFaults() {
      faults.clear();
    },
    setRandomFaults(config) {
      faults.setRandom(config);
    },
    setUsage(records) {
      usage = records.map(toUsageRecord);
    },
    addUsage(records) {
      usage = [...usage, ...records.map(toUsageRecord)];
    },
    reset() {
      faults.clear();
      latencyMs = defaults.latencyMs;
      balance = defaults.balance;
      usage = defaultUsage(defaults.now());
      requests.length = 0; // in place: callers hold this array
      counts = { total: 0, byPath: new Map(), inFlight: 0, inFlightMax: 0 };
    },
    stats(): ApiDoubleStats {
      return { total: counts.total, byPath: Object.fromEntries(counts.byPath), inFlight: counts.inFlight, inFlightMax: counts.inFlightMax };
    },
  };

  return {
    control,
    requests,
    faults,
    latencyMs: () => latencyMs,
    balance: () => balance,
    usage: () => usage,
    begin(request) {
      requests.push(request);
      const current = counts; // a reset() mid-request must not push the new counters negative
      current.total += 1;
      current.byPath.set(request.path, (current.byPath.get(request.path) ?? 0) + 1);
      current.inFlight += 1;
      current.inFlightMax = Math.max(current.inFlightMax, current.inFlight);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        current.inFlight -= 1;
      };
    },
  };
}
