import { z } from 'zod';
import { createSources } from '../sources';
import { ApiError } from '../sources/errors';
import type { AccountSource, VendorId } from '../sources/types';
import { alertStateSchema, dismissAlert, evaluateAlerts, INITIAL_ALERT_STATE, type Alert } from '../account/alerts';
import { nextPollMinutes } from '../account/backoff';
import { badgeView } from '../account/badge';
import { coversBaseline, dailySpend, latestBalance, type BalanceHistoryReading, type DaySpend } from '../account/balance-history';
import { endpointAnswered, endpointFailed, endpointFailureToTell, endpointNoticeStateSchema, INITIAL_ENDPOINT_NOTICE } from '../account/endpoint-notice';
import { voiceRate } from '../account/voice-rate';
import { balanceFromCredits, balanceFromError, balanceStateSchema, balanceWithoutKey, INITIAL_BALANCE, minutesLeft, type BalanceState } from '../account/balance';
import type { AccountProtocol, VoiceChoice } from '../account/protocol';
import { accountStateItem } from '../account/state-item';
import { localDayStart, summarizeUsage } from '../account/usage';
import { usageSummarySchema, type UsageSummary } from '../account/usage-schema';
import type { AccountView } from '../account/view';
import { createI18n, detectLocale, type I18n } from '../i18n';
import { apiErrorText } from '../i18n/estimate-wording';
import type { Settings } from '../settings/schema';
import { keysSetIn, readApiKeys, readSettings, saveSettings } from '../settings/store';
import { resolveSource } from '../settings/voice-profile';
import { voiceCatalogSchema, voiceDirectory } from '../sources/voice-catalog';
import { accountCheckScheduled, scheduleAccountCheck } from './alarms';
import { notify, notifyText, postWebhook, showBadge } from './account-signals';
import { balanceRecorder, type BalanceRecorder } from './balance-readings';
import { voiceCatalogItem } from './engine';

/** Everything the monitor keeps between polls; it survives service-worker and browser restarts. */
const accountStateSchema = z.object({
  balance: balanceStateSchema,
  usage: usageSummarySchema.nullable(),
  alerts: alertStateSchema,
  /** Consecutive failed polls, for backoff. */
  failures: z.number().int().nonnegative(),
  /** The settings the last check used (see checkedWith), to tell when a change needs a new check. */
  checkedWith: z.string().optional(),
  /** Endpoint failures already told to the user (each once). */
  notices: endpointNoticeStateSchema.default(INITIAL_ENDPOINT_NOTICE),
});
type AccountState = z.infer<typeof accountStateSchema>;
const INITIAL_STATE: AccountState = { balance: INITIAL_BALANCE, usage: null, alerts: INITIAL_ALERT_STATE, failures: 0, notices: INITIAL_ENDPOINT_NOTICE };

async function loadState(): Promise<AccountState> {
  return accountStateSchema.safeParse(await accountStateItem.getValue()).data ?? INITIAL_STATE;
}

/** Days of usage the popup can show and the spike check reads. */
export const USAGE_DAYS = 30;

export interface AccountDeps {
  createAccount?: (vendor: VendorId, endpoint: string, apiKey: string) => AccountSource;
  now?: () => number;
  fetch?: typeof fetch;
  i18n?: () => I18n;
  /** The balance history shared with the estimate engine. */
  readings?: BalanceRecorder;
}

function warnNotSaved(error: unknown): void {
  console.warn('ScriptMeter: the account state could not be saved (storage full?); polling goes on.', error);
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.');
}

/** Usage where the vendor reports it; undefined for vendors without usage reports. */
async function fetchUsage(account: AccountSource, nowMs: number): Promise<UsageSummary | undefined> {
  if (!account.usage) return undefined;
  const now = new Date(nowMs);
  const today = localDayStart(now);
  // The API refuses an empty range; at the stroke of midnight ask for today's first second.
  const end = new Date(Math.max(nowMs, today.getTime() + 1_000));
  const [days, hours] = await Promise.all([
    account.usage.daily(localDayStart(now, USAGE_DAYS - 1), end),
    account.usage.hourly(today, end),
  ]);
  return summarizeUsage(days, hours, nowMs);
}

/** Settings whose change calls for a check at once: where to ask, and what the alerts compare against. */
function checkedWith(settings: Settings): string {
  const { lowBalance, spikeFactor, pollMinutes } = settings.alerts;
  return JSON.stringify([settings.source, settings.endpoints, lowBalance, spikeFactor, pollMinutes]);
}

/**
 * The balance to show: the monitor's own reading, or a newer one an estimate's answer carried (an
 * AudioStack predict reports what is left), with the time it was seen.
 */
function newestBalance(balance: BalanceState, history: readonly BalanceHistoryReading[], vendor: VendorId | undefined): BalanceState {
  const seen = vendor && latestBalance(history, vendor);
  if (!seen || balance.status === 'no-key' || balance.status === 'rejected') return balance;
  if (balance.asOf !== undefined && balance.asOf >= seen.asOf) return balance;
  // The vendor answered since the last check failed: its figure is current.
  return balanceFromCredits(seen.balance, seen.asOf);
}

async function readVoices(vendor: VendorId | undefined) {
  const catalog = voiceCatalogSchema.safeParse(await voiceCatalogItem.getValue()).data;
  return voiceDirectory(vendor && catalog?.[vendor]?.voices);
}

/** The vendor the account checks follow (the voice profile's source) and its key; none for the local model. */
function accountTarget(settings: Settings, keys: Record<VendorId, string>): { vendor: VendorId; apiKey: string } | undefined {
  const source = resolveSource(settings.source, keysSetIn(keys));
  return source === 'local' || !keys[source] ? undefined : { vendor: source, apiKey: keys[source] };
}


/**
 * Balance and usage monitoring: polls on an alarm (backing off while the API fails), keeps its
 * state in storage, raises each alert once per cause, and keeps the toolbar badge current.
 */
export function createAccountMonitor(deps: AccountDeps = {}) {
  const now = deps.now ?? Date.now;
  const createAccount = deps.createAccount ?? ((vendor, baseUrl, apiKey) => createSources(vendor, { baseUrl, apiKey }).account);
  const accountFor = (settings: Settings, target: { vendor: VendorId; apiKey: string }) =>
    createAccount(target.vendor, settings.endpoints[target.vendor], target.apiKey);
  const uiI18n = deps.i18n ?? (() => createI18n(detectLocale()));
  const english = createI18n('en');
  const readings = deps.readings ?? balanceRecorder();
  let running: Promise<AccountView> | undefined;
  let followUp: Promise<AccountView> | undefined;
  let lane: Promise<unknown> = Promise.resolve();
  let queued = 0;

  /**
   * Whatever writes the state or the badge runs one at a time: a badge restored at start, or a
   * balance an answer carried, can never land after (and undo) a newer check's. With nothing
   * queued a task starts at once, so it reads the settings as they are when it is asked for.
   */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queued === 0 ? task() : lane.then(task);
    queued++;
    lane = run.then(() => undefined, () => undefined).finally(() => { queued--; });
    return run;
  }

  async function view(state: AccountState, settings: Settings, nextCheckAt?: number): Promise<AccountView> {
    const keys = await readApiKeys();
    const target = accountTarget(settings, keys);
    const vendor = target?.vendor;
    const [history, voices] = await Promise.all([readings.read(), readVoices(vendor)]);
    const balance = newestBalance(state.balance, history, vendor);
    const rate = voiceRate(settings, vendor, voices);
    const account = target && accountFor(settings, target);
    const usageByVoice = account?.usage !== undefined;
    return {
      balance,
      vendor,
      refreshCost: account?.balanceCost ?? 0,
      minutesLeft: rate ? minutesLeft(balance.balance, rate.creditsPerSecond) : null,
      model: rate?.label ?? settings.model,
      low: state.alerts.lowBelow,
      lowThreshold: settings.alerts.lowBalance,
      usage: state.usage,
      usageByVoice,
      spend: vendor && !usageByVoice ? dailySpend(history, vendor, now()) : null,
      alerts: state.alerts.alerts,
      nextCheckAt,
    };
  }

  async function updateBadge(balance: BalanceState, low: boolean): Promise<void> {
    const i18n = uiI18n();
    await showBadge(badgeView(balance, low, i18n.t, i18n.f, now()));
  }

  async function announce(fired: readonly Alert[], settings: Settings): Promise<void> {
    const i18n = uiI18n();
    await Promise.all(fired.map(async (alert) => {
      await notify(alert, i18n).catch(() => undefined);
      if (settings.alerts.webhookUrl) await postWebhook(settings.alerts.webhookUrl, alert, english, deps.fetch).catch(() => undefined);
    }));
  }

  /** Once per endpoint and cause (see endpoint-notice.ts): the sunset, or an endpoint that keeps failing. */
  async function tellEndpointFailure(error: ApiError, at: number): Promise<void> {
    const i18n = uiI18n();
    const title = i18n.t(error.kind === 'sunset' ? 'sunset.heading' : 'endpoint.failingTitle');
    const message = error.kind === 'sunset' ? apiErrorText(error, i18n) : i18n.t('endpoint.failingMessage', { error: apiErrorText(error, i18n) });
    await notifyText(`endpoint-${at}`, `${i18n.t('app.name')}: ${title}`, message).catch(() => undefined);
  }

  async function check(): Promise<AccountView> {
    const [settings, keys, previous] = await Promise.all([readSettings(), readApiKeys(), loadState()]);
    const target = accountTarget(settings, keys);
    const at = now();
    let state: AccountState;
    let fresh: { balance?: BalanceState; usage?: UsageSummary; spend?: DaySpend[] } = {};
    let lasting = false; // the endpoint is gone for good (Supertone's own, after its shutdown)
    let endpointNotice: ApiError | undefined;
    if (!target) {
      state = { ...previous, balance: balanceWithoutKey(), failures: 0 };
    } else {
      const account = accountFor(settings, target);
      const endpoint = settings.endpoints[target.vendor];
      try {
        const reading = await account.balance();
        await readings.record(target.vendor, reading.meta, at).catch(() => undefined);
        // An answer that did not say the balance leaves the last known one as it was.
        fresh = { balance: reading.balance === undefined ? previous.balance : balanceFromCredits(reading.balance, at) };
        fresh.usage = await fetchUsage(account, at);
        // Without usage reports, spend is what the balance history shows going out (top-ups are not spend).
        const history = account.usage ? [] : await readings.read();
        if (coversBaseline(history, target.vendor, at)) fresh.spend = dailySpend(history, target.vendor, at);
        state = { ...previous, balance: fresh.balance as BalanceState, usage: fresh.usage ?? null, failures: 0, notices: endpointAnswered(previous.notices, endpoint) };
      } catch (error) {
        const apiError = asApiError(error);
        lasting = apiError.kind === 'sunset';
        const balance = fresh.balance ?? balanceFromError(previous.balance, { kind: apiError.kind, message: apiErrorText(apiError, uiI18n()) });
        state = { ...previous, balance, failures: previous.failures + 1 };
        if (!fresh.balance && endpointFailureToTell(apiError.kind, state.failures)) {
          const step = endpointFailed(previous.notices, { endpoint, cause: apiError.kind });
          state.notices = step.state;
          if (step.notify) endpointNotice = apiError;
        }
      }
    }
    const outcome = evaluateAlerts(state.alerts, { ...fresh, settings: settings.alerts, now: at });
    state.alerts = outcome.state;
    state.checkedWith = checkedWith(settings);
    // A full storage must not stop the polling: this check still signals and schedules the next one.
    await accountStateItem.setValue(state).catch(warnNotSaved);
    if (outcome.learnedExpected) {
      await saveSettings({ alerts: { ...settings.alerts, expectedVoices: outcome.learnedExpected } }).catch(warnNotSaved);
    }
    // The badge first, then the notifications: whoever sees a notification sees the badge that goes with it.
    await updateBadge(state.balance, state.alerts.lowBelow).catch(() => undefined);
    await Promise.all([announce(outcome.fired, settings), endpointNotice && tellEndpointFailure(endpointNotice, at)]);
    const next = await scheduleAccountCheck(nextPollMinutes(settings.alerts.pollMinutes, state.failures, lasting));
    return view(state, settings, next);
  }

  /**
   * One check at a time. A request made while one runs (a new key, a popup refresh) gets one more
   * check after it, since the running one may have read the old settings; any number of such
   * requests share that follow-up, so there is never a storm.
   */
  function poll(): Promise<AccountView> {
    if (!running) {
      running = serially(check).finally(() => { running = undefined; });
      return running;
    }
    followUp ??= running.catch(() => undefined).then(() => {
      followUp = undefined;
      return poll();
    });
    return followUp;
  }

  async function status(): Promise<AccountView> {
    const [settings, state, next] = await Promise.all([readSettings(), loadState(), accountCheckScheduled()]);
    return view(state, settings, next);
  }

  return {
    poll,
    status,
    /** At every background start: restore the badge, and check now if no check is scheduled. */
    async start(): Promise<void> {
      await serially(async () => {
        const state = await loadState();
        await updateBadge(state.balance, state.alerts.lowBelow).catch(() => undefined);
      });
      if ((await accountCheckScheduled()) === undefined) await poll();
    },
    /**
     * An estimate's answer reported the balance (AudioStack's envelopes do): the badge and the
     * low-balance alert follow it at once, without a call of their own.
     */
    balanceSeen: (): Promise<void> => serially(async () => {
      const [settings, keys, state, history] = await Promise.all([readSettings(), readApiKeys(), loadState(), readings.read()]);
      const balance = newestBalance(state.balance, history, accountTarget(settings, keys)?.vendor);
      if (balance === state.balance) return;
      const outcome = evaluateAlerts(state.alerts, { balance, settings: settings.alerts, now: now() });
      const next = { ...state, balance, alerts: outcome.state };
      await accountStateItem.setValue(next).catch(warnNotSaved);
      await updateBadge(balance, next.alerts.lowBelow).catch(() => undefined);
      await announce(outcome.fired, settings);
    }),
    /** Settings changed (maybe while the worker slept): check again if the change matters. */
    async settingsChanged(settings: Settings): Promise<void> {
      if ((await loadState()).checkedWith !== checkedWith(settings)) await poll();
    },
    handlers(): { [K in keyof AccountProtocol]: (data: AccountProtocol[K]['request']) => Promise<AccountProtocol[K]['response']> } {
      return {
        accountStatus: () => status(),
        refreshAccount: () => poll(),
        testConnection: async () => {
          const [settings, keys] = await Promise.all([readSettings(), readApiKeys()]);
          const target = accountTarget(settings, keys);
          if (!target) return { ok: false, error: 'No API key saved.', noKey: true };
          try {
            const reading = await accountFor(settings, target).balance();
            return { ok: true, balance: reading.balance ?? null };
          } catch (error) {
            return { ok: false, error: apiErrorText(asApiError(error), uiI18n()), noKey: false };
          }
        },
        listVoices: async () => {
          const [settings, keys] = await Promise.all([readSettings(), readApiKeys()]);
          const target = accountTarget(settings, keys);
          if (!target) return { ok: false, error: 'Save an API key first.' };
          try {
            const voices = await accountFor(settings, target).voices();
            return { ok: true, voices: voices.map((v): VoiceChoice => ({ id: v.id, name: v.name, languages: v.languages, styles: v.styles, models: v.models })) };
          } catch (error) {
            return { ok: false, error: apiErrorText(asApiError(error), uiI18n()) };
          }
        },
        // After a check in progress, which would write over the dismissal.
        dismissAlert: ({ id }) => serially(async () => {
          const state = await loadState();
          await accountStateItem.setValue({ ...state, alerts: dismissAlert(state.alerts, id) });
          return { ok: true as const };
        }),
        expectVoice: async ({ voiceId }) => {
          const settings = await readSettings();
          if (settings.alerts.expectedVoices.includes(voiceId)) return { ok: true };
          const saved = await saveSettings({ alerts: { ...settings.alerts, expectedVoices: [...settings.alerts.expectedVoices, voiceId] } });
          return saved.ok ? { ok: true } : { ok: false, error: saved.errors.alerts ?? 'Not saved.' };
        },
      };
    },
  };
}
export type AccountMonitor = ReturnType<typeof createAccountMonitor>;
