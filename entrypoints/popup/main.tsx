import { mountPage } from '@/components/mount-page';
import '@/components/theme.css';

void mountPage(() => import('@/components/popup/PopupApp').then(({ PopupApp }) => PopupApp), 'app.name');
