import type { EstimateTotal } from '@/lib/script/estimate';
import { useI18n } from '@/lib/i18n/context';
import type { MessageKey } from '@/lib/i18n';
import { calibratedNote } from '@/lib/calibration/basis-note';
import { SCRIPT_RULES } from '@/lib/script/rules';
import { VENDOR_NAMES } from '@/lib/sources/defaults';

const RULE_LABELS: Record<string, MessageKey> = {
  tags: 'privacy.rule.tags', markdown: 'privacy.rule.markdown', directions: 'privacy.rule.directions', speakerLabels: 'privacy.rule.speakerLabels',
  ...Object.fromEntries([...SCRIPT_RULES, 'action' as const].map((rule) => [rule, `script.rule.${rule}` as const])),
};

/** Where the figure came from, why it may be approximate, what was left out, and any problem. */
export function Provenance(props: { result: EstimateTotal }) {
  const { t, f } = useI18n();
  const { result } = props;
  const basisNote = result.localBasis && calibratedNote(t, result.localBasis);
  const counts = new Map<string, number>();
  for (const exclusion of result.excluded) counts.set(exclusion.rule, (counts.get(exclusion.rule) ?? 0) + 1);
  const excluded = [...counts.entries()].map(([rule, count]) => `${RULE_LABELS[rule] ? t(RULE_LABELS[rule]) : rule} (${f.whole(count)})`).join(', ');
  return (
    <div class="provenance" id="estimate-source">
      <p>
        {/* Which vendor answered: an AudioStack figure must not read as Supertone's. */}
        <span class={`tag tag-${result.source}`}>
          {result.source === 'api' && result.vendor ? t('est.source.vendorApi', { vendor: VENDOR_NAMES[result.vendor] }) : t(`est.source.${result.source}`)}
        </span>
        {result.calls > 0 && <span class="muted"> · {t('est.calls', { count: f.whole(result.calls) })}</span>}
      </p>
      {result.localReason && <p class="muted">{result.localReason}</p>}
      {basisNote && <p class="muted" id="estimate-calibration">{basisNote}</p>}
      {excluded && <p class="muted">{t('est.excluded', { list: excluded })}</p>}
      {result.errors.map((error) => <p class="problem" key={error}>{t('est.problem', { error })}</p>)}
    </div>
  );
}
