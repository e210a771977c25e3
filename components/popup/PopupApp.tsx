import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { watchAccountState } from '@/lib/account/state-item';
import type { AccountView } from '@/lib/account/view';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { Settings } from '@/lib/settings/schema';
import { openingSettings } from '../page-settings';
import { AlertsPanel } from './AlertsPanel';
import { BalancePanel } from './BalancePanel';
import { EstimatePanel } from './EstimatePanel';
import { SpendPanel } from './SpendPanel';
import { UsagePanel } from './UsagePanel';
import './popup.css';

export function PopupApp() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings>();
  const [view, setView] = useState<AccountView>();
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(Date.now());

  // Before the first paint, not after it: settings that have already arrived show in the first frame.
  useLayoutEffect(() => void openingSettings().then(setSettings), []);
  useEffect(() => {
    const load = () => void sendToBackground('accountStatus', {}).then(setView);
    load();
    // A check that finishes while the popup is open (the first one after setup, an alarm) shows at once.
    return watchAccountState(load);
  }, []);

  async function refresh() {
    setRefreshing(true);
    try {
      setView(await sendToBackground('refreshAccount', {}));
    } finally {
      setNow(Date.now());
      setRefreshing(false);
    }
  }

  async function dismiss(id: string) {
    await sendToBackground('dismissAlert', { id });
    setView(await sendToBackground('accountStatus', {}));
  }

  async function expect(voiceId: string, alertId: string) {
    await sendToBackground('expectVoice', { voiceId });
    const alert = view?.alerts.find((a) => a.id === alertId);
    if (alert?.kind === 'new-voice' && alert.voiceIds.length === 1) await dismiss(alertId);
  }

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('app.name')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('common.openOptions')}</button>
      </header>
      {settings && <EstimatePanel settings={settings} />}
      <BalancePanel view={view} refreshing={refreshing} onRefresh={() => void refresh()} now={now} />
      {view && view.alerts.length > 0 && <AlertsPanel alerts={view.alerts} now={now} onDismiss={(id) => void dismiss(id)} onExpect={(v, a) => void expect(v, a)} />}
      {view?.vendor && !view.usageByVoice
        ? <SpendPanel vendor={view.vendor} spend={view.spend ?? []} />
        // An endpoint that is gone will never report usage: the notice above says what to do instead.
        : (view?.usage || view?.balance.cause !== 'sunset') && <UsagePanel usage={view?.usage ?? null} now={now} />}
    </main>
  );
}
