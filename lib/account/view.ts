import type { VendorId } from '../sources/types';
import type { BalanceState } from './balance';
import type { Alert } from './alerts';
import type { DaySpend } from './balance-history';
import type { UsageSummary } from './usage';

/** What the popup is told about the account; never the key. */
export interface AccountView {
  balance: BalanceState;
  /** The vendor the account checks follow (the voice profile's source); none for the local model. */
  vendor?: VendorId;
  /** Credits a Refresh costs at that vendor (0 where reading the balance is free). */
  refreshCost: number;
  /** Minutes of speech the balance buys at the voice's rate (its model's, or its provider's). */
  minutesLeft: number | null;
  /** Whose rate that is: the Supertone model, or the AudioStack voice's provider. */
  model: string;
  low: boolean;
  lowThreshold: number | null;
  usage: UsageSummary | null;
  /** Whether the vendor reports usage by voice: without it there is no new-voice alert. */
  usageByVoice: boolean;
  /** Credits spent per day, worked out from the balance history, for vendors without usage reports. */
  spend: DaySpend[] | null;
  alerts: Alert[];
  /** When the next automatic check is due (ms), if scheduled. */
  nextCheckAt?: number;
}
