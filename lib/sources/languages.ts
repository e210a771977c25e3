/**
 * Languages ScriptMeter lets a voice profile speak (ISO 639-1): the local model has a rate for
 * each, and Supertone-compatible APIs accept exactly these. AudioStack voices name their own.
 * No zod here (its schema is in language-schema.ts), so pages can list them without loading it.
 */
export const LANGUAGES = [
  'en', 'ko', 'ja', 'bg', 'cs', 'da', 'el', 'es', 'et', 'fi', 'hu', 'it', 'nl', 'pl', 'pt', 'ro',
  'ar', 'de', 'fr', 'hi', 'id', 'ru', 'vi', 'hr', 'lt', 'lv', 'sk', 'sl', 'sv', 'tr', 'uk',
] as const;
export type Language = (typeof LANGUAGES)[number];
