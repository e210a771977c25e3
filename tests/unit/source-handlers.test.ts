import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceHandlers, type VoiceCatalogItem } from '@/lib/background/source-handlers';
import { saveApiKey } from '@/lib/settings/store';
import { ApiError } from '@/lib/sources/errors';
import type { Sources, VoiceInfo } from '@/lib/sources/types';
import { createSpendLedger } from '@/lib/spend/ledger';

const VOICE: VoiceInfo = { id: 'v1', name: 'Ari', languages: ['en'], styles: [], models: [], charsPerSecond: 14 };

function memoryCatalog(): VoiceCatalogItem & { value: unknown } {
  const item = {
    value: {} as unknown,
    getValue: async () => item.value,
    setValue: async (value: unknown) => { item.value = value; },
  };
  return item;
}

/** Only what the voice list handler uses of a vendor's sources. */
function sourcesListing(voices: () => Promise<VoiceInfo[]>): Sources {
  return { account: { voices, voicesCost: 0, balanceCost: 0 } } as unknown as Sources;
}

describe('the voice list handler', () => {
  let state: unknown;
  const ledger = createSpendLedger({ load: async () => state, save: async (next) => { state = next; } });
  beforeEach(async () => {
    fakeBrowser.reset();
    state = undefined;
    await saveApiKey('test-key');
  });

  it('keeps a fetched list and tells the figures it changed, once', async () => {
    const catalog = memoryCatalog();
    const onVoices = vi.fn();
    const handlers = sourceHandlers({ catalog, ledger, onVoices, createSources: () => sourcesListing(async () => [VOICE]) });
    const fetched = await handlers.vendorVoices({ vendor: 'supertone', refresh: true });
    expect(fetched).toMatchObject({ ok: true, voices: [VOICE] });
    expect(catalog.value).toMatchObject({ supertone: { voices: [VOICE] } });
    expect(onVoices).toHaveBeenCalledTimes(1);
    // Reading the kept list changes nothing.
    expect(await handlers.vendorVoices({ vendor: 'supertone', refresh: false })).toMatchObject({ ok: true, voices: [VOICE] });
    expect(onVoices).toHaveBeenCalledTimes(1);
  });

  it('says nothing changed when the list could not be fetched, and keeps the old one', async () => {
    const catalog = memoryCatalog();
    catalog.value = { supertone: { voices: [VOICE], fetchedAt: 1 } };
    const onVoices = vi.fn();
    const handlers = sourceHandlers({ catalog, ledger, onVoices, createSources: () => sourcesListing(async () => { throw new ApiError('network', 'down'); }) });
    expect(await handlers.vendorVoices({ vendor: 'supertone', refresh: true })).toMatchObject({ ok: false });
    expect(catalog.value).toEqual({ supertone: { voices: [VOICE], fetchedAt: 1 } });
    expect(onVoices).not.toHaveBeenCalled();
  });
});
