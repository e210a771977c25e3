import { z } from 'zod';
import { createSupertoneClient, type SupertoneClient } from '../api/client';
import { ApiError } from '../api/errors';
import { alertStateSchema, dismissAlert, evaluateAlerts, INITIAL_ALERT_STATE, type Alert } from '../account/alerts';
import { nextPollMinutes } from '../account/backoff';
import { badgeView } from '../account/badge';
import { balanceFromCredits, balanceFromError, balanceStateSchema, balanceWithoutKey, INITIAL_BALANCE, minutesLeft, type BalanceState } from '../account/balance';
import type { AccountProtocol, VoiceChoice } from '../account/protocol';
import { accountStateItem } from '../account/state-item';
import { localDayStart, summarizeUsage, usageSummarySchema, type UsageSummary } from '../account/usage';
import type { AccountView } from '../account/view';
import { createI18n, detectLocale, type I18n } from '../i18n';
import { apiErrorText } from '../i18n/estimate-wording';
import { providerRates } from '../rates/credits';
import type { Settings } from '../settings/schema';
import { readApiKey, readSettings, saveSettings } from '../settings/store';
import { accountCheckScheduled, scheduleAccountCheck } from './alarms';
import { notify, postWebhook, showBadge } from './account-signals';

/** Everything the monitor keeps between polls; it survives service-worker and browser restarts. */
const accountStateSchema = z.object({
  balance: balanceStateSchema,
  usage: usageSummarySchema.nullable(),
  alerts: alertStateSchema,
  /** Consecutive failed polls, for backoff. */
  failures: z.number().int().nonnegative(),
  /** The settings the last check used (see checkedWith), to tell when a change needs a new check. */
  checkedWith: z.string().optional(),
});
type AccountState = z.infer<typeof accountStateSchema>;
const INITIAL_STATE: AccountState = { balance: INITIAL_BALANCE, usage: null, alerts: INITIAL_ALERT_STATE, failures: 0 };

async function loadState(): Promise<AccountState> {
  return accountStateSchema.safeParse(await accountStateItem.getValue()).data ?? INITIAL_STATE;
}

/** Days of usage the popup can show and the spike check reads. */
export const USAGE_DAYS = 30;

type AccountClient = Pick<SupertoneClient, 'getCredits' | 'getUsage' | 'listVoices'>;

export interface AccountDeps {
  createClient?: (endpoint: string, apiKey: string) => AccountClient;
  now?: () => number;
  fetch?: typeof fetch;
  i18n?: () => I18n;
}

function warnNotSaved(error: unknown): void {
  console.warn('ScriptMeter: the account state could not be saved (storage full?); polling goes on.', error);
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.');
}

async function fetchUsage(client: AccountClient, nowMs: number): Promise<UsageSummary> {
  const now = new Date(nowMs);
  const today = localDayStart(now);
  // The API refuses an empty range; at the stroke of midnight ask for today's first second.
  const end = new Date(Math.max(nowMs, today.getTime() + 1_000));
  const [days, hours] = await Promise.all([
    client.getUsage({ start: localDayStart(now, USAGE_DAYS - 1), end, bucketWidth: 'day', breakdown: ['voice_id', 'voice_name'] }),
    client.getUsage({ start: today, end, bucketWidth: 'hour' }),
  ]);
  return summarizeUsage(days, hours, nowMs);
}

/** Settings whose change calls for a check at once: where to ask, and what the alerts compare against. */
function checkedWith(settings: Settings): string {
  const { lowBalance, spikeFactor, pollMinutes } = settings.alerts;
  return JSON.stringify([settings.endpoint, lowBalance, spikeFactor, pollMinutes]);
}

function supertoneCreditsPerSecond(settings: Settings): number {
  return providerRates(settings.model, settings.rateOverrides).find((rate) => rate.id === 'supertone')?.rate ?? 0;
}

/**
 * Balance and usage monitoring: polls on an alarm (backing off while the API fails), keeps its
 * state in storage, raises each alert once per cause, and keeps the toolbar badge current.
 */
export function createAccountMonitor(deps: AccountDeps = {}) {
  const now = deps.now ?? Date.now;
  const createClient = deps.createClient ?? ((baseUrl, apiKey) => createSupertoneClient({ baseUrl, apiKey }));
  const uiI18n = deps.i18n ?? (() => createI18n(detectLocale()));
  const english = createI18n('en');
  let running: Promise<AccountView> | undefined;
  let followUp: Promise<AccountView> | undefined;

  function view(state: AccountState, settings: Settings, nextCheckAt?: number): AccountView {
    return {
      balance: state.balance,
      minutesLeft: minutesLeft(state.balance.balance, supertoneCreditsPerSecond(settings)),
      model: settings.model,
      low: state.alerts.lowBelow,
      lowThreshold: settings.alerts.lowBalance,
      usage: state.usage,
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

  async function check(): Promise<AccountView> {
    const [settings, apiKey, previous] = await Promise.all([readSettings(), readApiKey(), loadState()]);
    const at = now();
    let state: AccountState;
    let fresh: { balance?: BalanceState; usage?: UsageSummary } = {};
    if (!apiKey) {
      state = { ...previous, balance: balanceWithoutKey(), failures: 0 };
    } else {
      const client = createClient(settings.endpoint, apiKey);
      try {
        const credits = await client.getCredits();
        fresh = { balance: balanceFromCredits(credits.balance, at) };
        fresh.usage = await fetchUsage(client, at);
        state = { ...previous, balance: fresh.balance as BalanceState, usage: fresh.usage, failures: 0 };
      } catch (error) {
        const apiError = asApiError(error);
        const balance = fresh.balance ?? balanceFromError(previous.balance, { kind: apiError.kind, message: apiErrorText(apiError, uiI18n()) });
        state = { ...previous, balance, failures: previous.failures + 1 };
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
    await Promise.all([
      updateBadge(state.balance, state.alerts.lowBelow).catch(() => undefined),
      announce(outcome.fired, settings),
    ]);
    const next = await scheduleAccountCheck(nextPollMinutes(settings.alerts.pollMinutes, state.failures));
    return view(state, settings, next);
  }

  /**
   * One check at a time. A request made while one runs (a new key, a popup refresh) gets one more
   * check after it, since the running one may have read the old settings; any number of such
   * requests share that follow-up, so there is never a storm.
   */
  function poll(): Promise<AccountView> {
    if (!running) {
      running = check().finally(() => { running = undefined; });
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
      const state = await loadState();
      await updateBadge(state.balance, state.alerts.lowBelow).catch(() => undefined);
      if ((await accountCheckScheduled()) === undefined) await poll();
    },
    /** Settings changed (maybe while the worker slept): check again if the change matters. */
    async settingsChanged(settings: Settings): Promise<void> {
      if ((await loadState()).checkedWith !== checkedWith(settings)) await poll();
    },
    handlers(): { [K in keyof AccountProtocol]: (data: AccountProtocol[K]['request']) => Promise<AccountProtocol[K]['response']> } {
      return {
        accountStatus: () => status(),
        refreshAccount: () => poll(),
        testConnection: async () => {
          const [settings, apiKey] = await Promise.all([readSettings(), readApiKey()]);
          if (!apiKey) return { ok: false, error: 'No API key saved.', noKey: true };
          try {
            const credits = await createClient(settings.endpoint, apiKey).getCredits();
            return { ok: true, balance: credits.balance };
          } catch (error) {
            return { ok: false, error: apiErrorText(asApiError(error), uiI18n()), noKey: false };
          }
        },
        listVoices: async () => {
          const [settings, apiKey] = await Promise.all([readSettings(), readApiKey()]);
          if (!apiKey) return { ok: false, error: 'Save an API key first.' };
          try {
            const voices = await createClient(settings.endpoint, apiKey).listVoices();
            return { ok: true, voices: voices.map((v): VoiceChoice => ({ id: v.voice_id, name: v.name, languages: v.language, styles: v.styles, models: v.models })) };
          } catch (error) {
            return { ok: false, error: apiErrorText(asApiError(error), uiI18n()) };
          }
        },
        dismissAlert: async ({ id }) => {
          await running?.catch(() => undefined); // a check in progress would write over the dismissal
          const state = await loadState();
          await accountStateItem.setValue({ ...state, alerts: dismissAlert(state.alerts, id) });
          return { ok: true };
        },
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
