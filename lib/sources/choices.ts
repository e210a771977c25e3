/**
 * The seam's plain values (types.ts re-exports them beside its schemas), apart so pages can list
 * them without loading zod.
 */

/** Vendors with a live implementation. A new vendor adds its id here and a folder beside the others. */
export const VENDOR_IDS = ['supertone', 'audiostack'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

/** Which source answers for a voice profile: a vendor's API, or the local model alone. */
export const SOURCE_CHOICES = [...VENDOR_IDS, 'local'] as const;
export type SourceChoice = (typeof SOURCE_CHOICES)[number];

export const SPEED_MIN = 0.5;
export const SPEED_MAX = 2;
