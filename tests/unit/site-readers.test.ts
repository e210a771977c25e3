import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { boxesCover } from '@/lib/content/sites/anchor';
import { serveDocsPage } from '@/lib/content/sites/docs-page';
import { DOCS_REPLY, DOCS_REQUEST } from '@/lib/content/sites/docs-protocol';
import { cleanDocsText, docsAnnotated, selectedDocsText, selectionRanges } from '@/lib/content/sites/docs-text';
import { DOCS_MATCHES, LISTED_CONTENT_SCRIPTS, NOTION_MATCHES } from '@/lib/content/sites/hosts';
import { haloBlocks } from '@/lib/content/sites/notion-reader';
import { addTestPageMatches } from '@/lib/content/sites/test-matches';
import { selectedRunsText } from '@/lib/content/sites/word-reader';

describe('Google Docs annotated text', () => {
  const raw = '\u0003First paragraph.\nSecond\u000bline two.\n\u001cNext section \u0010table\u0011.\n';

  it('takes the selected slices by offset, control characters turned into breaks or dropped', () => {
    const start = raw.indexOf('Second');
    const end = raw.indexOf('two') + 3;
    expect(selectedDocsText(raw, [{ start, end }])).toBe('Second\nline two');
    expect(cleanDocsText(raw)).toBe('First paragraph.\nSecond\nline two.\n\nNext section table.\n');
  });

  it('reads ranges as start/end or anchor/focus, in order, clamped, and drops carets', () => {
    expect(selectionRanges([{ start: 9, end: 3 }, { anchor: 1, focus: 2 }, { start: 5, end: 5 }, { start: 40, end: 80 }, null, 'x'], 50))
      .toEqual([{ start: 1, end: 2 }, { start: 3, end: 9 }, { start: 40, end: 50 }]);
    expect(selectionRanges(undefined, 10)).toEqual([]);
    expect(selectionRanges([{ start: Number.NaN, end: 4 }], 10)).toEqual([]);
  });

  it("checks the page world's answer: what is not an annotated text is no answer, ranges re-checked", () => {
    expect(docsAnnotated({ available: false })).toEqual({ available: false });
    expect(docsAnnotated({ available: true, text: 'Hello there.', ranges: [{ start: 6, end: 99 }] })).toEqual({ available: true, text: 'Hello there.', ranges: [{ start: 6, end: 12 }] });
    expect(docsAnnotated({ available: true, text: 'Hi.' })).toEqual({ available: true, text: 'Hi.', ranges: [] });
    for (const forged of [null, 'text', 42, { available: true }, { available: true, text: 7, ranges: [] }, { available: 'yes', text: 'x' }]) expect(docsAnnotated(forged)).toBeNull();
  });

  it("the page-world part sends Docs' ranges as they are; the reader's check gives what it gave when the page checked them", async () => {
    class Range {
      constructor(private readonly from: number, private readonly to: number) {}
      get anchor() { return this.from; }
      get focus() { return this.to; }
    }
    const ask = async (selection: unknown) => {
      const win = Object.assign(new EventTarget(), {
        _docs_annotate_getAnnotatedText: async () => ({ getText: () => 'Hello there, world.', getSelection: () => selection }),
      });
      serveDocsPage(win as unknown as Window, 'our-id');
      expect(win).toHaveProperty('_docs_annotate_canvas_by_ext', 'our-id');
      const reply = new Promise<unknown>((resolve) => win.addEventListener(DOCS_REPLY, (event) => resolve(JSON.parse((event as CustomEvent<string>).detail))));
      win.dispatchEvent(new CustomEvent(DOCS_REQUEST, { detail: 'r1' }));
      const { id, reply: answer } = await reply as { id: string; reply: unknown };
      expect(id).toBe('r1');
      return docsAnnotated(answer);
    };
    expect(await ask([new Range(12, 6), { start: 0, end: 5, extra: { deep: true } }, { start: Number.NaN, end: 3 }, { start: 13, end: 99 }, null, 7]))
      .toEqual({ available: true, text: 'Hello there, world.', ranges: [{ start: 0, end: 5 }, { start: 6, end: 12 }, { start: 13, end: 19 }] });
    expect(await ask(undefined)).toEqual({ available: true, text: 'Hello there, world.', ranges: [] });
    // A value JSON cannot carry: an answer at once (no annotated text), not the reader's timeout.
    expect(await ask([{ start: 1n, end: 2 }])).toEqual({ available: false });
  });

  it('cleans the text export: BOM, CRLF', () => {
    expect(cleanDocsText('\uFEFFOne.\r\nTwo.\r\n')).toBe('One.\nTwo.\n');
  });
});

describe('Word for the web: runs marked span.Selected', () => {
  it('joins the marked runs of a paragraph, a line per paragraph, nested marks once', () => {
    const { document } = parseHTML(`<div>
      <p class="Paragraph"><span class="TextRun"><span>The </span><span class="Selected">quick brown</span></span></p>
      <p class="Paragraph"><span class="TextRun"><span class="Selected">fox <span class="Selected">jumps</span></span><span class="Selected"> over</span><span> the dog</span></span></p>
    </div>`);
    expect(selectedRunsText(document.querySelectorAll('span.Selected'))).toBe('quick brown\nfox jumps over');
  });
});

describe('Notion: highlighted blocks', () => {
  it('the blocks holding a halo, outermost only, in page order', () => {
    const { document } = parseHTML(`<div>
      <div data-block-id="a" class="notion-selectable">A</div>
      <div data-block-id="b" class="notion-selectable">B<div class="notion-selectable-halo"></div>
        <div data-block-id="b1" class="notion-selectable">B1<div class="notion-selectable-halo"></div></div>
      </div>
      <div data-block-id="c" class="notion-selectable">C<div class="notion-selectable-halo"></div></div>
    </div>`);
    expect(haloBlocks(document as unknown as Document).map((block) => block.getAttribute('data-block-id'))).toEqual(['b', 'c']);
  });
});

describe('hovering a drawn selection', () => {
  const box = (left: number, top: number, width: number, height: number) => ({ getBoundingClientRect: () => ({ left, top, right: left + width, bottom: top + height, width, height }) }) as unknown as Element;

  it('is inside one of the boxes, edges included; empty boxes cover nothing', () => {
    const lines = [box(10, 10, 100, 20), box(10, 30, 40, 20), box(300, 300, 0, 0)];
    expect(boxesCover(lines, 60, 20)).toBe(true);
    expect(boxesCover(lines, 50, 50)).toBe(true);
    expect(boxesCover(lines, 80, 40)).toBe(false);
    expect(boxesCover(lines, 300, 300)).toBe(false);
    expect(boxesCover([], 10, 10)).toBe(false);
  });
});

describe('site scripts in the manifest', () => {
  const manifest = () => ({
    content_scripts: [
      { matches: [...DOCS_MATCHES], js: ['content-scripts/docs-page.js'] },
      ...LISTED_CONTENT_SCRIPTS.map((script) => ({ matches: [...script.matches], js: [...script.js] })),
    ],
  });

  it('a production build gets no fixture address', () => {
    const built = manifest();
    addTestPageMatches(built, undefined);
    addTestPageMatches(built, '0');
    expect(built).toEqual(manifest());
  });

  it('a test-pages build adds each site\'s fixture address to that site\'s scripts only', () => {
    const built = manifest();
    addTestPageMatches(built, '1');
    const added = built.content_scripts.map((script) => script.matches.filter((match) => match.startsWith('http://')));
    // Docs' page-world script, then the listed ones: Docs' and Notion's readers, the inline estimates (every page), Word's frame.
    expect(added).toEqual([['http://127.0.0.1/document/*'], ['http://127.0.0.1/document/*'], ['http://127.0.0.1/pages/notion.html*'], [], ['http://localhost/pages/word-frame.html*']]);
    expect(NOTION_MATCHES.every((match) => match.startsWith('https://'))).toBe(true);
  });
});
