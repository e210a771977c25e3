import type { Consent, PredictPlan } from '../estimate/estimator';
import type { SpendLedger } from './ledger';
import type { SpendRule } from './rule';

export type Refusal =
  /** The rule is "never". */
  | { kind: 'never' }
  /** The rule is "ask" and the user has not clicked. */
  | { kind: 'ask' }
  /** The automatic rule's daily cap has no room for this plan. */
  | { kind: 'cap'; cap: number; spent: number };

export interface Authorization {
  /** Given to the estimator; undefined: nothing to buy, or refused. */
  consent?: Consent;
  refusal?: Refusal;
  /** Records what the estimate really spent (its predictCredits) in the ledger. */
  settle(spent: number): Promise<void>;
}

const NOTHING_TO_SETTLE = async () => undefined;

/**
 * Whether an estimate may buy its plan: never under "never"; with a user's click ("yes, up to X
 * credits", which the daily cap does not limit: the cap is for spending on its own); under "auto"
 * when today's spend plus the plan stays within the cap. What is bought is counted in the ledger
 * either way, so the automatic cap sees every credit spent that day.
 */
export async function authorize(rule: SpendRule, plan: PredictPlan | undefined, ledger: SpendLedger, click?: Consent): Promise<Authorization> {
  if (!plan || plan.calls === 0) return { settle: NOTHING_TO_SETTLE };
  if (rule.rule === 'never') return { refusal: { kind: 'never' }, settle: NOTHING_TO_SETTLE };
  if (click) {
    const reservation = await ledger.reserve(click.maxCredits);
    return { consent: click, settle: (spent) => reservation?.settle(spent) ?? Promise.resolve() };
  }
  if (rule.rule === 'ask') return { refusal: { kind: 'ask' }, settle: NOTHING_TO_SETTLE };
  const reservation = await ledger.reserve(plan.credits, rule.dailyCap);
  if (!reservation) return { refusal: { kind: 'cap', cap: rule.dailyCap, spent: await ledger.spentToday() }, settle: NOTHING_TO_SETTLE };
  return { consent: { maxCredits: plan.credits }, settle: (spent) => reservation.settle(spent) };
}
