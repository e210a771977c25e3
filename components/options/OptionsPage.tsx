import { useState } from 'preact/hooks';
import { lazyComponent } from '../lazy';
import { useI18n } from '@/lib/i18n/context';
import { AccountSunsetNotice } from '../SunsetNotice';
import { AlertsSection } from './AlertsSection';
import { ApiKeySection } from './ApiKeySection';
import { AudioStackSection } from './AudioStackSection';
import { BackupSection } from './BackupSection';
import { CastSection } from './CastSection';
import { CostSection } from './CostSection';
import { PrivacySection } from './PrivacySection';
import { SourceSection } from './SourceSection';
import { VoiceSection } from './VoiceSection';
import './options.css';

// The last section, with the fit and number words: fetched after the settings are on screen.
const CalibrateSection = lazyComponent(() => import('./CalibrateSection').then((module) => module.CalibrateSection));

export function OptionsPage() {
  const { t } = useI18n();
  // Sections read settings when they mount: an import remounts them with the new values.
  const [generation, setGeneration] = useState(0);
  // Choosing an AudioStack voice saves voice, provider and language: every section shows them again.
  const [chosen, setChosen] = useState('');
  return (
    <main class="options">
      <header>
        <h1>{t('app.name')}</h1>
        <p class="lede">{t('options.lede')}</p>
      </header>
      <AccountSunsetNotice />
      <div key={generation}>
        <SourceSection />
        <ApiKeySection />
        <ApiKeySection vendor="audiostack" />
        <AudioStackSection chosen={chosen} onChosen={(notice) => { setChosen(notice); setGeneration((n) => n + 1); }} />
        <VoiceSection />
        <CastSection />
        <CostSection />
        <AlertsSection />
        <PrivacySection />
      </div>
      <CalibrateSection />
      <BackupSection onImported={() => { setChosen(''); setGeneration((n) => n + 1); }} />
    </main>
  );
}
