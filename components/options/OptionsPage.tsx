import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { lazyComponent } from '../lazy';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { openingSettings, PageSettingsContext } from '../page-settings';
import { AccountSunsetNotice } from '../SunsetNotice';
import { AlertsSection } from './AlertsSection';
import { ApiKeySection } from './ApiKeySection';
import { AudioStackSection } from './AudioStackSection';
import { BackupSection } from './BackupSection';
import { CastSection } from './CastSection';
import { preloadChecks } from './checks';
import { CostSection } from './CostSection';
import { PrivacySection } from './PrivacySection';
import { SourceSection } from './SourceSection';
import { VoiceSection } from './VoiceSection';
import './options.css';

// The last section, with the fit and number words: fetched after the settings are on screen.
const CalibrateSection = lazyComponent(() => import('./CalibrateSection').then((module) => module.CalibrateSection));

export function OptionsPage() {
  const { t } = useI18n();
  // Sections take the settings loaded for their generation when they mount: an import loads them again and remounts them.
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<{ generation: number; settings: Settings }>();
  // Before the first paint, not after it: settings that have already arrived show in the first frame.
  useLayoutEffect(() => {
    let live = true;
    void (generation === 0 ? openingSettings() : sendToBackground('getSettings', {}))
      .then((settings) => { if (live) setLoaded({ generation, settings }); });
    return () => { live = false; };
  }, [generation]);
  const settings = loaded?.generation === generation ? loaded.settings : undefined;
  // The checks (with zod) load once the fields are on screen, never before them.
  const shown = settings !== undefined;
  useEffect(() => { if (shown) preloadChecks(); }, [shown]);
  // Choosing an AudioStack voice saves voice, provider and language: every section shows them again.
  const [chosen, setChosen] = useState('');
  return (
    <main class="options">
      <header>
        <h1>{t('app.name')}</h1>
        <p class="lede">{t('options.lede')}</p>
      </header>
      <AccountSunsetNotice />
      {/* Mounted once the settings are there, so each section starts from them. */}
      {settings ? <PageSettingsContext.Provider value={settings}><div key={generation}>
        <SourceSection />
        <ApiKeySection />
        <ApiKeySection vendor="audiostack" />
        <AudioStackSection chosen={chosen} onChosen={(notice) => { setChosen(notice); setGeneration((n) => n + 1); }} />
        <VoiceSection />
        <CastSection />
        <CostSection />
        <AlertsSection />
        <PrivacySection />
      </div></PageSettingsContext.Provider> : <section class="card" aria-busy="true">…</section>}
      <CalibrateSection />
      <BackupSection onImported={() => { setChosen(''); setGeneration((n) => n + 1); }} />
    </main>
  );
}
