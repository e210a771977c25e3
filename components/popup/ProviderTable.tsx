import type { Model } from '@/lib/sources/supertone';
import { useI18n } from '@/lib/i18n/context';
import { cheapestFirst, type ProviderId } from '@/lib/rates/credits';
import type { Settings } from '@/lib/settings/schema';
import { providerNames } from './provider-names';

/** The same script priced by every provider, cheapest first; the headline provider is marked. */
export function ProviderTable(props: { credits: Record<ProviderId, number>; model: Model; settings: Settings; chosen: ProviderId }) {
  const { t, f } = useI18n();
  const names = providerNames(props.model, props.settings);
  return (
    <details class="providers">
      <summary>{t('est.providers')}</summary>
      <table id="provider-table">
        <thead>
          <tr><th scope="col">{t('est.col.provider')}</th><th scope="col" class="num">{t('est.col.credits')}</th></tr>
        </thead>
        <tbody>
          {cheapestFirst(props.credits).map(({ id, credits }) => (
            <tr key={id} class={id === props.chosen ? 'chosen' : undefined} aria-current={id === props.chosen ? 'true' : undefined}>
              <th scope="row">{names[id] ?? id}</th>
              <td class="num">{f.amount(credits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
