import { formatClock, formatCredits } from '@/lib/format';
import { figureText, sourceMark } from '@/lib/content/figure-text';
import type { Figure } from '@/lib/content/inline-config';
import type { InlineWords } from '@/lib/content/inline-words';

/*
 * The tooltip and the chip are two lines of text each: built with plain DOM (textContent only,
 * never HTML) rather than a UI library, to keep the content script small.
 */

function mark(doc: Document, figure: Figure, words: InlineWords, suffix = ''): HTMLElement {
  const { label, title } = sourceMark(figure, words);
  const element = doc.createElement('span');
  element.className = 'mark';
  element.dataset.source = figure.source;
  element.title = title;
  element.textContent = label + suffix;
  return element;
}

/**
 * "≈ 0:42 · 42 credits [API]"; while the exact figure is on its way, the mark says so. A settled
 * figure that is not the API's says why on a line of its own: a reason only in the mark's hover
 * title (a rejected key, an API down) went unseen, and the figure looked as good as an exact one.
 */
export function renderTooltip(box: HTMLElement, figure: Figure, pending: boolean, words: InlineWords, buy?: () => void): void {
  const doc = box.ownerDocument;
  const text = doc.createElement('span');
  text.className = 'figure';
  text.textContent = figureText(figure, words);
  const badge = mark(doc, figure, words, pending ? ' …' : '');
  if (pending) badge.setAttribute('aria-label', `${badge.textContent ?? ''}: ${words.coming}`);
  const exact = figure.source === 'api' || figure.source === 'cache';
  const parts: Node[] = [text, badge];
  const line = (className: string, content: string) => {
    const element = doc.createElement('span');
    element.className = className;
    element.textContent = content;
    parts.push(element);
  };
  if (!pending && !exact && figure.note) line('note', figure.note);
  if (!pending && figure.spent) line('note', words.spent.replace('{credits}', formatCredits(figure.spent)));
  if (!pending && buy && figure.offer) parts.push(exactButton(doc, figure.offer.credits, words, buy));
  box.replaceChildren(...parts);
}

/**
 * "Exact · 0.25 credits". Only the user's own click counts: a page can dispatch a click on it
 * (isTrusted false), which does nothing; and the click only hands back the background's signed offer.
 */
function exactButton(doc: Document, credits: number, words: InlineWords, buy: () => void): HTMLButtonElement {
  const amount = formatCredits(credits);
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'exact';
  button.textContent = `${words.exact} · ${amount} ${amount === '1' ? words.credit : words.credits}`;
  button.title = words.buy.replace('{credits}', amount);
  button.addEventListener('click', (event) => {
    if (event.isTrusted) buy();
  });
  return button;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small stopwatch drawn as SVG: emoji fonts are not everywhere. */
function clockIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('icon');
  const face = doc.createElementNS(SVG, 'circle');
  Object.entries({ cx: '8', cy: '9', r: '5.5' }).forEach(([k, v]) => face.setAttribute(k, v));
  const hands = doc.createElementNS(SVG, 'path');
  hands.setAttribute('d', 'M8 6v3l2 1.5M6.5 1.5h3');
  svg.append(face, hands);
  return svg;
}

/** "(clock) 1:23 [approx.]": the whole text's length, in the field's corner. */
export function renderChip(box: HTMLElement, figure: Figure, words: InlineWords): void {
  const text = box.ownerDocument.createElement('span');
  text.textContent = formatClock(figure.seconds);
  box.title = `${words.wholeText}: ${figureText(figure, words)}. ${sourceMark(figure, words).title}`;
  box.setAttribute('aria-label', `${words.wholeText} ≈ ${formatClock(figure.seconds)}`);
  box.replaceChildren(clockIcon(box.ownerDocument), text, mark(box.ownerDocument, figure, words));
}
