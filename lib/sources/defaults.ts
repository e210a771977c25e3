import type { VendorId } from './types';

/** Each vendor's own base URL: where a source goes unless the user or the policy sets another. */
export const DEFAULT_ENDPOINTS: Readonly<Record<VendorId, string>> = {
  supertone: 'https://supertoneapi.com',
  audiostack: 'https://v2.api.audio',
};

/** Names as users know them, for messages. */
export const VENDOR_NAMES: Readonly<Record<VendorId, string>> = {
  supertone: 'Supertone',
  audiostack: 'AudioStack',
};
