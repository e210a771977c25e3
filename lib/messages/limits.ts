/** A selection larger than this is refused outright: bounded work, whatever a page sends. */
export const MAX_MESSAGE_TEXT = 12 * 1024 * 1024;
