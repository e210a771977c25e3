import { join } from 'node:path';
import type { AccountSource, VendorId, VoiceInfo } from '../lib/sources/types';
import { voiceCatalogSchema, type VoiceCatalog } from '../lib/sources/voice-catalog';
import { readJsonFile, writeJsonFile } from './file-store';

/**
 * Voice lists kept in the cache folder. Listing AudioStack's voices costs credits, so the list is
 * bought once and kept; it gives each voice's provider (its price) and section limit.
 */
export function voiceFile(dir: string) {
  const path = join(dir, 'voices.json');
  const read = async (): Promise<VoiceCatalog> => voiceCatalogSchema.safeParse(await readJsonFile(path)).data ?? {};
  return {
    async find(vendor: VendorId, voiceId: string): Promise<VoiceInfo | undefined> {
      return (await read())[vendor]?.voices.find((voice) => voice.id === voiceId);
    },
    async list(vendor: VendorId): Promise<VoiceInfo[]> {
      return (await read())[vendor]?.voices ?? [];
    },
    /** Buys the vendor's list (at `account.voicesCost`) and keeps it. */
    async refresh(vendor: VendorId, account: AccountSource, now: number): Promise<VoiceInfo[]> {
      const voices = await account.voices();
      await writeJsonFile(path, { ...(await read()), [vendor]: { voices, fetchedAt: now } });
      return voices;
    },
  };
}
