import { useI18n } from '@/lib/i18n/context';
import type { EstimateTotal } from '@/lib/script/estimate';
import type { SpendRuleKind } from '@/lib/spend/rule';

/**
 * What the exact figure cost, or what it would cost with a button to buy it: one click is the
 * user's consent for exactly the plan the background made. Under "never" there is no button (the
 * figure's reason says why it stays local).
 */
export function PaidFigure(props: { result: EstimateTotal; rule: SpendRuleKind; onBuy: (credits: number) => void }) {
  const { t, f } = useI18n();
  const { result } = props;
  const plan = result.plan;
  return (
    <>
      {result.predictCredits > 0 && <p class="muted" id="estimate-spent">{t('exact.spent', { credits: f.amount(result.predictCredits) })}</p>}
      {plan && plan.calls > 0 && props.rule !== 'never' && (
        <p>
          <button type="button" class="buy" id="estimate-exact" onClick={() => props.onBuy(plan.credits)}>
            {plan.credits === 1 ? t('exact.buttonOne') : t('exact.button', { credits: f.amount(plan.credits) })}
          </button>
        </p>
      )}
    </>
  );
}
