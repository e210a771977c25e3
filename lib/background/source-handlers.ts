import { createI18n, detectLocale } from '../i18n';
import { apiErrorText } from '../i18n/estimate-wording';
import { readApiKeys, readSettings } from '../settings/store';
import { createSources } from '../sources';
import { ApiError } from '../sources/errors';
import type { SourcesProtocol } from '../sources/protocol';
import { voiceCatalogSchema } from '../sources/voice-catalog';
import type { SpendLedger } from '../spend/ledger';
import type { Sources, VendorId } from '../sources/types';

/** Where the voice lists are kept (the engine reads them for section limits and speaking rates). */
export interface VoiceCatalogItem {
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
}

export interface SourceHandlerDeps {
  catalog: VoiceCatalogItem;
  ledger: SpendLedger;
  /** The voice list changed: figures should use its section limits and speaking rates at once. */
  onVoices: () => void;
  createSources?: (vendor: VendorId, baseUrl: string, apiKey: string) => Sources;
  now?: () => number;
}

type SourceHandlers = { [K in keyof SourcesProtocol]: (data: SourcesProtocol[K]['request']) => Promise<SourcesProtocol[K]['response']> };

/** Options' source section: a vendor's connection test and voice list, and today's paid spend. */
export function sourceHandlers(deps: SourceHandlerDeps): SourceHandlers {
  const make = deps.createSources ?? ((vendor, baseUrl, apiKey) => createSources(vendor, { baseUrl, apiKey }));
  const now = deps.now ?? Date.now;
  const text = (error: unknown) => apiErrorText(error instanceof ApiError ? error : new ApiError('network', 'The API could not be reached.'), createI18n(detectLocale()));

  async function vendorSources(vendor: VendorId): Promise<Sources | undefined> {
    const [settings, keys] = await Promise.all([readSettings(), readApiKeys()]);
    return keys[vendor] ? make(vendor, settings.endpoints[vendor], keys[vendor]) : undefined;
  }

  /** What listing a vendor's voices costs, as its source says; known before any key is saved (no call is made). */
  async function voicesCost(vendor: VendorId): Promise<number> {
    const settings = await readSettings();
    return make(vendor, settings.endpoints[vendor], '').account.voicesCost;
  }

  return {
    async vendorTest({ vendor }) {
      const sources = await vendorSources(vendor);
      const i18n = createI18n(detectLocale());
      if (!sources) return { ok: false, error: i18n.t('key.testNoKey'), noKey: true };
      try {
        const reading = await sources.account.balance();
        return { ok: true, balance: reading.balance ?? null, cost: sources.account.balanceCost };
      } catch (error) {
        return { ok: false, error: text(error), noKey: false };
      }
    },
    async vendorVoices({ vendor, refresh }) {
      const catalog = voiceCatalogSchema.safeParse(await deps.catalog.getValue()).data ?? {};
      const sources = await vendorSources(vendor);
      const cost = await voicesCost(vendor);
      const i18n = createI18n(detectLocale());
      if (!refresh) {
        const kept = catalog[vendor];
        return { ok: true, voices: kept?.voices ?? [], ...(kept && { fetchedAt: kept.fetchedAt }), cost };
      }
      if (!sources) return { ok: false, error: i18n.t('picker.noKey'), cost };
      const settings = await readSettings();
      // A list that costs credits is a paid call like any other: never under "never", and counted.
      if (cost > 0 && settings.spend.rule === 'never') return { ok: false, error: i18n.t('picker.paidOff'), cost };
      const reservation = cost > 0 ? await deps.ledger.reserve(cost) : undefined;
      try {
        const voices = await sources.account.voices();
        const fetchedAt = now();
        await deps.catalog.setValue({ ...catalog, [vendor]: { voices, fetchedAt } });
        await reservation?.settle(cost);
        deps.onVoices();
        return { ok: true, voices, fetchedAt, cost };
      } catch (error) {
        // What the failed call may have cost, as the client counted it (lib/sources/http.ts); nothing when it was not charged.
        const charge = error instanceof ApiError ? error.charge : undefined;
        await reservation?.settle(charge?.credits ?? 0);
        return { ok: false, error: text(error), cost };
      }
    },
    spendStatus: async () => ({ spentToday: await deps.ledger.spentToday() }),
  };
}
