import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '@/lib/i18n/context';
import { sendToBackground } from '@/lib/messages/send';
import type { FieldErrors, Settings } from '@/lib/settings/schema';
import { usePageSettings } from '../page-settings';

/**
 * The load → edit → save cycle every options section shares: the draft is built from the settings
 * the page loaded, a save sends a patch, and the answer either replaces the draft or lists field errors.
 */
export function useSettingsDraft<D>(toDraft: (settings: Settings) => D) {
  const { t } = useI18n();
  const loaded = usePageSettings();
  const [draft, setDraftState] = useState<D | undefined>(() => loaded && toDraft(loaded));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');

  return {
    draft,
    errors,
    notice,
    setDraft(next: D) {
      setDraftState(next);
      setNotice('');
    },
    async save(patch: Partial<Settings>): Promise<void> {
      const result = await sendToBackground('saveSettings', { patch });
      if (result.ok) {
        setErrors({});
        setDraftState(toDraft(result.settings));
        setNotice(t('common.saved'));
      } else {
        setErrors(result.errors);
        setNotice(t('common.notSaved'));
      }
    },
  };
}

/** A section's Save button, any extra buttons, and the result said in words. */
export function SaveBar(props: { notice: string; bad: boolean; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="actions">
      <button type="submit" class="primary">{t('common.save')}</button>
      {props.children}
      <span class={`notice ${props.bad ? 'bad' : ''}`} role="status">{props.notice}</span>
    </div>
  );
}
