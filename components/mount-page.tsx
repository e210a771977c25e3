import { render, type ComponentType } from 'preact';
import type { MessageKey } from '@/lib/i18n';
import { I18nContext } from '@/lib/i18n/context';
import { detectLocale } from '@/lib/i18n/detect';
import { loadI18n } from '@/lib/i18n/load';

/** Renders an extension page in the user's language, loading only that language's words. */
export async function mountPage(Page: ComponentType, titleKey: MessageKey): Promise<void> {
  const i18n = await loadI18n(detectLocale(location.search));
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t(titleKey);
  const root = document.getElementById('app');
  if (root) render(<I18nContext.Provider value={i18n}><Page /></I18nContext.Provider>, root);
}
