/**
 * Korean and Japanese count in groups of four digits (만/万 = 10⁴, 억/億 = 10⁸, 조/兆 = 10¹²), each
 * group read with tens, hundreds and thousands.
 */
export interface MyriadWords {
  /** 0–9 */
  digit(n: number): string;
  /** One group, 1–9999. */
  group(n: number): string;
  /** 만, 억, 조 or their Japanese readings, for index 1, 2, 3; `one` tells whether the group is exactly 1. */
  scale(index: number, one: boolean, groupWords: string): string;
}

export function myriadCardinal(n: number, words: MyriadWords): string {
  if (n === 0) return words.digit(0);
  const parts: string[] = [];
  for (let index = 3; index >= 0; index--) {
    const size = 10 ** (4 * index);
    const group = Math.floor(n / size) % 10000;
    if (group === 0) continue;
    const said = words.group(group);
    parts.push(index === 0 ? said : words.scale(index, group === 1, said));
  }
  return parts.join('');
}
