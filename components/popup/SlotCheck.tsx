import { useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';

/** "Fits an N-second slot?" against a target the user sets here; the target is saved as a setting. */
export function SlotCheck(props: { seconds: number; initial: number }) {
  const { t, f } = useI18n();
  const [draft, setDraft] = useState(String(props.initial));
  const [slot, setSlot] = useState(props.initial);
  const [error, setError] = useState<string>();

  async function change(value: string) {
    setDraft(value);
    const next = Number(value);
    if (value.trim() === '' || !Number.isFinite(next)) return;
    const saved = await sendToBackground('saveSettings', { patch: { slotSeconds: next } });
    if (saved.ok) {
      setSlot(saved.settings.slotSeconds);
      setError(undefined);
    } else {
      setError(saved.errors.slotSeconds);
    }
  }

  const spare = slot - props.seconds;
  const verdict = spare >= 0
    ? t('slot.fits', { slot: f.amount(slot), spare: f.amount(spare) })
    : t('slot.over', { slot: f.amount(slot), over: f.amount(-spare) });
  return (
    <div class="slot">
      <label for="slot-seconds">{t('slot.label')}</label>
      <input id="slot-seconds" type="number" min="1" step="1" inputMode="numeric" value={draft}
        aria-invalid={error ? true : undefined} aria-describedby={error ? 'slot-error' : 'slot-verdict'}
        onInput={(e) => void change(e.currentTarget.value)} />
      <p id="slot-verdict" class={spare >= 0 ? 'good' : 'bad'} role="status">{verdict}</p>
      {error && <p id="slot-error" class="error">{error}</p>}
    </div>
  );
}
