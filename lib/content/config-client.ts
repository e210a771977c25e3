import { sendToBackground } from '../messages/send';
import type { InlineConfig } from './inline-config';

/**
 * The inline config, asked of the background on first use (not at page load: pages the user
 * does not touch cost nothing) and again when settings change.
 */
export function createConfigClient(host: string) {
  let current: InlineConfig | undefined;
  let pending: Promise<InlineConfig> | undefined;
  return {
    /** The config if known, without waiting. */
    get current(): InlineConfig | undefined {
      return current;
    },
    load(): Promise<InlineConfig> {
      if (current) return Promise.resolve(current);
      pending ??= sendToBackground('inlineConfig', { host }).then((config) => {
        current = config;
        return config;
      }).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    forget(): void {
      current = undefined;
    },
    /** Fetch again but keep showing with the current one meanwhile (the local factor learns from API answers). */
    revalidate(): void {
      void sendToBackground('inlineConfig', { host }).then((config) => { current = config; }, () => undefined);
    },
  };
}

export type ConfigClient = ReturnType<typeof createConfigClient>;
