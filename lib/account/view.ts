import type { BalanceState } from './balance';
import type { Alert } from './alerts';
import type { UsageSummary } from './usage';

/** What the popup is told about the account; never the key. */
export interface AccountView {
  balance: BalanceState;
  /** Minutes of speech the balance buys at the chosen model's Supertone rate. */
  minutesLeft: number | null;
  model: string;
  low: boolean;
  lowThreshold: number | null;
  usage: UsageSummary | null;
  alerts: Alert[];
  /** When the next automatic check is due (ms), if scheduled. */
  nextCheckAt?: number;
}
