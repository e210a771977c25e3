import { PopupApp } from '@/components/popup/PopupApp';
import { mountPage } from '@/components/mount-page';
import '@/components/theme.css';

void mountPage(PopupApp, 'app.name');
