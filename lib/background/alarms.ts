import { browser } from 'wxt/browser';

export const ACCOUNT_ALARM = 'scriptmeter-account-poll';

/**
 * One-shot alarm for the next account check. Alarms outlive a stopped service worker; the
 * background also re-creates a missing one at start (browsers may drop alarms on restart).
 */
export async function scheduleAccountCheck(delayMinutes: number): Promise<number> {
  const when = Date.now() + delayMinutes * 60_000;
  await browser.alarms.create(ACCOUNT_ALARM, { when });
  return when;
}

export async function accountCheckScheduled(): Promise<number | undefined> {
  return (await browser.alarms.get(ACCOUNT_ALARM))?.scheduledTime;
}

export function onAccountAlarm(run: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ACCOUNT_ALARM) run();
  });
}
