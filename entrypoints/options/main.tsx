import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import '@/components/theme.css';

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
