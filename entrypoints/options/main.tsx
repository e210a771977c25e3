import { OptionsPage } from '@/components/options/OptionsPage';
import { mountPage } from '@/components/mount-page';
import '@/components/theme.css';

void mountPage(OptionsPage, 'options.title');
