/**
 * Remembers the last trusted user input. Pages can select text from script and fire synthetic
 * events (`isTrusted` false); only what follows a real gesture may show a figure or reach the API.
 */
const TRUST_WINDOW_MS = 1_500;

export interface TrustClock {
  /** Record an event; returns whether it was a real user gesture. */
  note(event: Event): boolean;
  /** A real gesture happened within the last TRUST_WINDOW_MS. */
  recent(now: number): boolean;
}

export function createTrustClock(): TrustClock {
  let last = Number.NEGATIVE_INFINITY;
  return {
    note(event) {
      if (event.isTrusted) last = event.timeStamp > 0 ? performance.timeOrigin + event.timeStamp : Date.now();
      return event.isTrusted;
    },
    recent: (now) => now - last <= TRUST_WINDOW_MS,
  };
}
