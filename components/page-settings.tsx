import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';

let opening: Promise<Settings> | undefined;

/**
 * The settings a page opens with, asked for once: the page's entry asks before its code has loaded,
 * so the background answers while the page parses, and every part shown on opening shares the answer.
 */
export function openingSettings(): Promise<Settings> {
  return (opening ??= sendToBackground('getSettings', {}));
}

/** The settings the options page last loaded (on opening, again after an import); undefined until they arrive. */
export const PageSettingsContext = createContext<Settings | undefined>(undefined);

export function usePageSettings(): Settings | undefined {
  return useContext(PageSettingsContext);
}
