import { render, type ComponentType } from 'preact';
import type { MessageKey } from '@/lib/i18n';
import { I18nContext } from '@/lib/i18n/context';
import { detectLocale } from '@/lib/i18n/detect';
import { loadI18n } from '@/lib/i18n/load';
import { warmIntl } from '@/lib/i18n/warm-intl';
import { openingSettings } from './page-settings';

/**
 * Opens an extension page: the settings are asked for first and the locale data warmed on a worker,
 * so the background answers while the page's component (a chunk of its own, with its schemas)
 * loads; then it renders in the user's language, loading only that language's words.
 */
export async function mountPage(load: () => Promise<ComponentType>, titleKey: MessageKey): Promise<void> {
  void openingSettings().catch(() => undefined);
  warmIntl();
  const Page = await load();
  const i18n = await loadI18n(detectLocale(location.search));
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t(titleKey);
  const root = document.getElementById('app');
  if (root) render(<I18nContext.Provider value={i18n}><Page /></I18nContext.Provider>, root);
}
