import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { createI18n, detectLocale } from '@/lib/i18n';
import { I18nContext } from '@/lib/i18n/context';
import '@/components/theme.css';

const i18n = createI18n(detectLocale(location.search));
document.documentElement.lang = i18n.locale;
document.title = i18n.t('app.name');
const root = document.getElementById('app');
if (root) render(<I18nContext.Provider value={i18n}><PopupApp /></I18nContext.Provider>, root);
