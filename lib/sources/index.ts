import { createAudioStackSources } from './audiostack';
import type { VendorHttpOptions } from './http';
import { createSupertoneSources } from './supertone';
import type { CreditsObserver, Sources, VendorId, VoiceDirectory } from './types';

export { DEFAULT_ENDPOINTS, VENDOR_NAMES } from './defaults';

export interface SourceOptions extends VendorHttpOptions {
  now?: () => number;
  /** Told of every envelope's credits, with the vendor and time (balance readings for any vendor). */
  onCredits?: CreditsObserver;
  /** Voices known without a call, for vendors that need them to plan calls (AudioStack). */
  voices?: VoiceDirectory;
}

/**
 * The registry: a vendor's duration and account sources from its endpoint and key. The only place
 * that knows which folder implements which vendor.
 */
export function createSources(vendor: VendorId, options: SourceOptions): Sources {
  switch (vendor) {
    case 'supertone':
      return createSupertoneSources(options);
    case 'audiostack':
      return createAudioStackSources({ ...options, onMeta: (meta, at) => options.onCredits?.('audiostack', meta, at) });
  }
}
