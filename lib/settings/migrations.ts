import { DEFAULT_ENDPOINTS } from '../sources/defaults';
import { SETTINGS_VERSION } from './schema';

type Step = (stored: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * v2 adds `privacy.keepHistory`. Settings are merged with defaults group by group, so a v1
 * privacy group without the new key would be refused as a whole, and the user's paused state and
 * disabled sites lost with it: the stored group gets the key instead. Anything else is kept as is,
 * and a group that is not an object is left for the defaults, as before.
 */
function addKeepHistory(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.privacy) || 'keepHistory' in stored.privacy) return stored;
  return { ...stored, privacy: { ...stored.privacy, keepHistory: true } };
}

/**
 * v3 adds sources. v2's one `endpoint` was Supertone's (the only vendor then): it becomes
 * `endpoints.supertone`, beside AudioStack's default. The source becomes 'auto', which keeps
 * Supertone for a user with a Supertone key and works locally without one (voice-profile.ts).
 * The spend rule needs nothing: its defaults (ask) apply.
 */
function addSources(stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  const { endpoint, ...rest } = stored;
  const endpoints = isRecord(rest.endpoints) || typeof endpoint !== 'string'
    ? rest.endpoints
    : { ...DEFAULT_ENDPOINTS, supertone: endpoint };
  return { ...rest, ...(endpoints !== undefined && { endpoints }), source: rest.source ?? 'auto' };
}

/** Keyed by the version each step produces, as WXT's `migrations` option expects. */
export const SETTINGS_MIGRATIONS: Record<number, Step> = {
  2: addKeepHistory,
  3: addSources,
};

/** Stored or imported settings of `fromVersion`, brought to SETTINGS_VERSION; newer ones are left alone. */
export function migrateSettings(stored: unknown, fromVersion: number): unknown {
  let value = stored;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) value = SETTINGS_MIGRATIONS[version]?.(value) ?? value;
  return value;
}
