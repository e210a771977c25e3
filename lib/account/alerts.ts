import { z } from 'zod';
import type { BalanceState } from './balance';
import { spendSpike, type DaySpend } from './balance-history';
import { lowBalanceStep } from './low-balance';
import { spikeCheck } from './spike';
import type { UsageSummary } from './usage';
import { learnExpectedVoices, newVoices } from './voices';

const base = { id: z.string(), at: z.number() };
export const alertSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('low-balance'), ...base, balance: z.number(), threshold: z.number() }),
  // Minutes generated (usage reports) or, for a vendor without them, credits spent (balance drops).
  z.object({ kind: z.literal('spike'), ...base, today: z.number(), median: z.number(), factor: z.number(), unit: z.enum(['minutes', 'credits']).optional() }),
  z.object({ kind: z.literal('new-voice'), ...base, voiceIds: z.array(z.string()).min(1), names: z.record(z.string(), z.string()) }),
]);
export type Alert = z.infer<typeof alertSchema>;
export type AlertKind = Alert['kind'];

/** Recent alerts kept for the popup; older ones drop off. */
export const MAX_KEPT_ALERTS = 20;

/** Everything the alert logic remembers between polls (and service-worker restarts). */
export const alertStateSchema = z.object({
  lowBelow: z.boolean(),
  /** Start of the day bucket a spike was last reported for: one spike alert per day. */
  spikeDay: z.string().nullable(),
  /** New voices already reported, so each is reported once. */
  reportedVoices: z.array(z.string()).max(1_000),
  /** Whether the expected set has been learned from history (done once, then the user edits it). */
  voicesLearned: z.boolean(),
  alerts: z.array(alertSchema).max(MAX_KEPT_ALERTS),
});
export type AlertState = z.infer<typeof alertStateSchema>;

export const INITIAL_ALERT_STATE: AlertState = { lowBelow: false, spikeDay: null, reportedVoices: [], voicesLearned: false, alerts: [] };

export interface AlertSettings {
  lowBalance: number | null;
  spikeFactor: number;
  expectedVoices: readonly string[];
}

export interface AlertInput {
  /** Present only when this poll read the balance. */
  balance?: BalanceState;
  /** Present only when this poll read the usage. */
  usage?: UsageSummary;
  /** Credits spent per day from the balance history (today last): the spike rule for vendors without usage reports. */
  spend?: readonly DaySpend[];
  settings: AlertSettings;
  now: number;
}

export interface AlertOutcome {
  state: AlertState;
  fired: Alert[];
  /** The expected voice set learned on the first usage read, to be saved into settings. */
  learnedExpected?: string[];
}

/** One poll's alerts: each kind fires at most once per cause, whatever the poll rate. */
export function evaluateAlerts(previous: AlertState, input: AlertInput): AlertOutcome {
  const state: AlertState = { ...previous };
  const fired: Alert[] = [];
  const { settings, now } = input;
  let learnedExpected: string[] | undefined;

  if (input.balance?.status === 'ok') {
    const step = lowBalanceStep(previous.lowBelow, input.balance.balance, settings.lowBalance);
    state.lowBelow = step.below;
    if (step.fire && settings.lowBalance !== null && typeof input.balance.balance === 'number') {
      fired.push({ kind: 'low-balance', id: `low-balance-${now}`, at: now, balance: input.balance.balance, threshold: settings.lowBalance });
    }
  }

  const usage = input.usage;
  const today = usage?.days.at(-1);
  if (usage && today) {
    const spike = spikeCheck(usage.days.map((day) => day.minutes), settings.spikeFactor);
    if (spike?.spiking && previous.spikeDay !== today.start) {
      state.spikeDay = today.start;
      fired.push({ kind: 'spike', id: `spike-${now}`, at: now, today: spike.today, median: spike.median, factor: spike.factor });
    }

    let expected = settings.expectedVoices;
    if (!previous.voicesLearned) {
      state.voicesLearned = true;
      if (expected.length === 0) {
        learnedExpected = learnExpectedVoices(usage.days);
        expected = learnedExpected;
      }
    }
    const unseen = newVoices(usage.days, expected, previous.reportedVoices);
    if (unseen.length > 0) {
      state.reportedVoices = [...previous.reportedVoices, ...unseen].slice(-1_000);
      const names = Object.fromEntries(unseen.flatMap((id) => (usage.voiceNames[id] ? [[id, usage.voiceNames[id]]] : [])));
      fired.push({ kind: 'new-voice', id: `new-voice-${now}`, at: now, voiceIds: unseen, names });
    }
  }

  const spendToday = input.spend?.at(-1);
  if (!usage && input.spend && spendToday) {
    const spike = spendSpike(input.spend, settings.spikeFactor);
    if (spike?.spiking && previous.spikeDay !== spendToday.day) {
      state.spikeDay = spendToday.day;
      fired.push({ kind: 'spike', id: `spike-${now}`, at: now, today: spike.today, median: spike.median, factor: spike.factor, unit: 'credits' });
    }
  }

  state.alerts = [...fired.slice().reverse(), ...previous.alerts].slice(0, MAX_KEPT_ALERTS);
  return { state, fired, learnedExpected };
}

export function dismissAlert(state: AlertState, id: string): AlertState {
  return { ...state, alerts: state.alerts.filter((alert) => alert.id !== id) };
}
