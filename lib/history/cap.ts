/** Enough for months of estimates; a stored list stays a few hundred kB at most. Apart from log.ts, so pages show it without loading zod. */
export const HISTORY_CAP = 1_000;
