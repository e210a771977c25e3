/** Primary language subtag, lower case: "en-US" → "en", "zh-Hans" → "zh", "cmn" → "zh". */
export function baseLanguage(language: string): string {
  const base = language.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  return base === 'cmn' || base === 'yue' ? 'zh' : base;
}
