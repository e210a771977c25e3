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
      // Noted as the event is dispatched. Not `timeStamp`: it counts from the time origin of the
      // event's own window, and a frame's origin is later than ours (seconds, in Firefox).
      if (event.isTrusted) last = Date.now();
      return event.isTrusted;
    },
    recent: (now) => now - last <= TRUST_WINDOW_MS,
  };
}
