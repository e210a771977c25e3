import type { Page } from 'playwright-core';

/** Double-clicks the n-th word of the bench page's paragraph: a new selection each time, by a real mouse. */
export async function selectWord(page: Page, n: number): Promise<void> {
  const point = await page.evaluate((index) => {
    const words = document.querySelector('#words')!;
    const text = words.firstChild as Text;
    const matches = [...text.data.matchAll(/[A-Za-z]{4,}/g)];
    const match = matches[index % matches.length]!;
    const range = document.createRange();
    range.setStart(text, match.index! + 1);
    range.setEnd(text, match.index! + 2);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, n);
  await page.mouse.dblclick(point.x, point.y);
}
