import { mountPage } from '@/components/mount-page';
import '@/components/theme.css';

void mountPage(() => import('@/components/options/OptionsPage').then(({ OptionsPage }) => OptionsPage), 'options.title');
