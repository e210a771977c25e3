/** The cast's default entry: every speaker without one of their own. Apart from cast.ts, so pages name it without loading zod. */
export const CAST_DEFAULT = '*';
