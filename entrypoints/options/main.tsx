import { mountPage } from '@/components/mount-page';
import { openingSettings } from '@/components/page-settings';
import { warmIntl } from '@/lib/i18n/warm-intl';
import '@/components/theme.css';

// The settings are asked for first, and the page's code (with its schemas) loads while the background answers.
void openingSettings().catch(() => undefined);
warmIntl();
void import('@/components/options/OptionsPage').then(({ OptionsPage }) => mountPage(OptionsPage, 'options.title'));
