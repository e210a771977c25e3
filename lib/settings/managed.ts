import { browser } from 'wxt/browser';
import { z } from 'zod';
import { settingsFields, type Settings } from './schema';

/**
 * Enterprise policy (`storage.managed`): what an organisation may set, under the same names in
 * Chrome's `managed-schema.json` and Firefox's `policies.json`. Managed storage comes from outside
 * the extension, so it is checked like any other boundary: each value against the settings
 * schema of the field it sets, a bad value dropped on its own and the rest kept.
 */
const alertShape = settingsFields.alerts.unwrap().shape;
const rateShape = settingsFields.rateOverrides.unwrap().shape;
const sitesSchema = settingsFields.privacy.unwrap().shape.disabledSites;
const endpointShape = settingsFields.endpoints.unwrap().shape;
const spendShape = settingsFields.spend.unwrap().shape;

export const MANAGED_ALERT_FIELDS = ['lowBalance', 'spikeFactor', 'pollMinutes'] as const;
type ManagedAlertField = (typeof MANAGED_ALERT_FIELDS)[number];

export interface ManagedPolicy {
  source?: Settings['source'];
  /** Per vendor. A policy's `endpoint` (v2 name, Supertone's) is read as `endpoints.supertone`. */
  endpoints?: Partial<Settings['endpoints']>;
  /** The paid-call rule and its daily cap. */
  spend?: Partial<Settings['spend']>;
  rounding?: Settings['rounding'];
  rates?: Settings['rateOverrides'];
  alerts?: Partial<Pick<Settings['alerts'], ManagedAlertField>>;
  /** Added to the user's own list: the organisation's sites stay off whatever the user edits. */
  disabledSites?: string[];
}

const objectRecord = z.record(z.string(), z.unknown());

/** Keeps the keys of `raw` that `shapes` accepts, each parsed by its own schema. */
function pickValid<S extends Record<string, z.ZodType>>(raw: unknown, shapes: S, rejected: string[], prefix: string): Partial<{ [K in keyof S]: z.output<S[K]> }> {
  const record = objectRecord.safeParse(raw);
  if (!record.success) {
    rejected.push(prefix);
    return {};
  }
  const out: Partial<{ [K in keyof S]: z.output<S[K]> }> = {};
  for (const [key, value] of Object.entries(record.data)) {
    const schema = shapes[key];
    const parsed = schema?.safeParse(value);
    if (parsed?.success) out[key as keyof S] = parsed.data as z.output<S[keyof S]>;
    else rejected.push(`${prefix}.${key}`);
  }
  return out;
}

/** The policy as given, checked; `rejected` names what was ignored (unknown keys and bad values). */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; rejected: string[] } {
  const rejected: string[] = [];
  const top = pickValid(raw, {
    source: settingsFields.source,
    endpoint: endpointShape.supertone,
    endpoints: z.unknown(),
    spend: z.unknown(),
    rounding: settingsFields.rounding,
    rates: z.unknown(),
    alerts: z.unknown(),
    disabledSites: sitesSchema,
  }, rejected, 'policy');
  const policy: ManagedPolicy = {};
  if (top.source !== undefined) policy.source = top.source;
  const endpoints = {
    ...(top.endpoint !== undefined && { supertone: top.endpoint }),
    ...(top.endpoints !== undefined && pickValid(top.endpoints, endpointShape, rejected, 'policy.endpoints')),
  };
  if (Object.keys(endpoints).length > 0) policy.endpoints = endpoints;
  if (top.spend !== undefined) {
    const spend = pickValid(top.spend, spendShape, rejected, 'policy.spend');
    if (Object.keys(spend).length > 0) policy.spend = spend;
  }
  if (top.rounding !== undefined) policy.rounding = top.rounding;
  if (top.disabledSites !== undefined) policy.disabledSites = top.disabledSites;
  if (top.rates !== undefined) {
    const tables = pickValid(top.rates, rateShape, rejected, 'policy.rates');
    if (Object.keys(tables).length > 0) policy.rates = tables;
  }
  if (top.alerts !== undefined) {
    const thresholds = Object.fromEntries(MANAGED_ALERT_FIELDS.map((key) => [key, alertShape[key]])) as Pick<typeof alertShape, ManagedAlertField>;
    const alerts = pickValid(top.alerts, thresholds, rejected, 'policy.alerts');
    if (Object.keys(alerts).length > 0) policy.alerts = alerts;
  }
  return { policy, rejected };
}

/** The settings in effect: every value the policy sets wins over the user's. */
export function applyManagedPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  const sites = [...new Set([...settings.privacy.disabledSites, ...(policy.disabledSites ?? [])])];
  return {
    ...settings,
    source: policy.source ?? settings.source,
    endpoints: { ...settings.endpoints, ...policy.endpoints },
    spend: { ...settings.spend, ...policy.spend },
    rounding: policy.rounding ?? settings.rounding,
    rateOverrides: {
      ...settings.rateOverrides,
      ...(policy.rates?.supertone && { supertone: { ...settings.rateOverrides.supertone, ...policy.rates.supertone } }),
      ...(policy.rates?.audiostack && { audiostack: { ...settings.rateOverrides.audiostack, ...policy.rates.audiostack } }),
    },
    alerts: { ...settings.alerts, ...policy.alerts },
    privacy: { ...settings.privacy, disabledSites: sites },
  };
}

/**
 * What a save should store: the user's own values wherever the policy decides, so that the
 * organisation's values are never copied into the user's settings and the user's come back when
 * the policy is lifted.
 */
export function userValuesUnderPolicy(next: Settings, user: Settings, policy: ManagedPolicy): Settings {
  const keep = <T extends object>(edited: T, own: T, managed: object | undefined): T =>
    ({ ...edited, ...Object.fromEntries(Object.keys(managed ?? {}).map((key) => [key, own[key as keyof T]])) });
  const managedSites = new Set(policy.disabledSites);
  return {
    ...next,
    source: policy.source === undefined ? next.source : user.source,
    endpoints: keep(next.endpoints, user.endpoints, policy.endpoints),
    spend: keep(next.spend, user.spend, policy.spend),
    rounding: policy.rounding === undefined ? next.rounding : user.rounding,
    rateOverrides: {
      ...next.rateOverrides,
      ...(policy.rates?.supertone && { supertone: dropUndefined(keep(next.rateOverrides.supertone ?? {}, user.rateOverrides.supertone ?? {}, policy.rates.supertone)) }),
      ...(policy.rates?.audiostack && { audiostack: dropUndefined(keep(next.rateOverrides.audiostack ?? {}, user.rateOverrides.audiostack ?? {}, policy.rates.audiostack)) }),
    },
    alerts: keep(next.alerts, user.alerts, policy.alerts),
    privacy: {
      ...next.privacy,
      disabledSites: next.privacy.disabledSites.filter((site) => !managedSites.has(site) || user.privacy.disabledSites.includes(site)),
    },
  };
}

/** A rate the user never overrode stays absent rather than stored as `undefined`. */
function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Reads the policy. Without one, Chrome answers `{}` and Firefox rejects ("Managed storage
 * manifest not found"): both mean no policy.
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  const raw = await browser.storage.managed.get().catch(() => ({}));
  return parseManagedPolicy(raw).policy;
}

/** Calls back when an administrator changes the policy while the browser runs. */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
