import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { boxesCover } from '@/lib/content/sites/anchor';
import { serveDocsPage } from '@/lib/content/sites/docs-page';
import { DOCS_REPLY, DOCS_REQUEST } from '@/lib/content/sites/docs-protocol';
import { cleanDocsText, docsAnnotated, selectedDocsText, selectionRanges } from '@/lib/content/sites/docs-text';
import { DOCS_MATCHES, listedContentScripts, NOTION_MATCHES } from '@/lib/content/sites/hosts';
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
      { matches: ['<all_urls>'], exclude_matches: [...DOCS_MATCHES], js: ['content-scripts/editor-bridge.js'] },
      ...listedContentScripts(),
    ],
  });

  it('a production build gets no fixture address', () => {
    const built = manifest();
    addTestPageMatches(built, undefined);
    addTestPageMatches(built, '0');
    expect(built).toEqual(manifest());
  });

  it('a test-pages build adds each site\'s fixture address to that site\'s scripts only, and keeps the scripts kept off a site off its fixture', () => {
    const built = manifest();
    addTestPageMatches(built, '1');
    const fixtures = (patterns: string[] | undefined) => (patterns ?? []).filter((match) => match.startsWith('http://'));
    const byScript = Object.fromEntries(built.content_scripts.map((script) => [script.js.join(), { runs: fixtures(script.matches), off: fixtures(script.exclude_matches) }]));
    expect(byScript).toEqual({
      'content-scripts/docs-page.js': { runs: ['http://127.0.0.1/document/*'], off: [] },
      'content-scripts/editor-bridge.js': { runs: [], off: ['http://127.0.0.1/document/*'] },
      'site-notion.js': { runs: ['http://127.0.0.1/pages/notion.html*'], off: [] },
      // The general script runs on every page but Docs: on Docs' fixture the Docs script alone runs.
      'inline.js': { runs: [], off: ['http://127.0.0.1/document/*'] },
      'docs-inline.js': { runs: ['http://127.0.0.1/document/*'], off: [] },
      'word-frame.js': { runs: ['http://localhost/pages/word-frame.html*'], off: [] },
    });
    expect(NOTION_MATCHES.every((match) => match.startsWith('https://'))).toBe(true);
  });

  it('adding the fixture addresses changes no host list the build reads again', () => {
    addTestPageMatches({ content_scripts: listedContentScripts() }, '1');
    expect(DOCS_MATCHES).toEqual(['https://docs.google.com/document/*']);
    expect(listedContentScripts().flatMap((script) => [...script.matches, ...script.exclude_matches ?? []]).filter((match) => match.startsWith('http://'))).toEqual([]);
  });
});
