import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import { englishScript, FIXTURE_PARAGRAPHS } from '../fixtures/scripts';
import { INLINE_BROWSERS, launchInline, waitFor, waitForTooltip, type InlineSession, closeInlineSuite, startInlineSuite } from '../pages/harness';
import type { FixtureServer } from '../pages/server';

// The same text the fixture pages load (tests/pages/src/sample.js).
const PARAGRAPHS = FIXTURE_PARAGRAPHS;
const LONG_SCRIPT = englishScript(12_000);

interface EditorCase {
  page: string;
  /** Where a user clicks to put the caret in the editor (inside `frame` when given). */
  click: string;
  frame?: string;
  /** Sentences that must reach the API when everything is selected. */
  expect: string[];
  /** How many Ctrl+A presses select everything (a block editor's first selects the block). */
  selectAll?: number;
}

/**
 * The first, middle and last sentence labels ("(part 1)" …, each unique): code editors render the
 * lines in view and around the caret, never the middle of a long script.
 */
const spread = (text: string) => {
  const parts = text.match(/\(part \d+\)/g) ?? [];
  return [parts[0]!, parts[Math.floor(parts.length / 2)]!, parts.at(-1)!];
};

const RICH = spread(PARAGRAPHS.join(' '));
// Code editors render only the lines in view: only the editor's model has the middle of a long script.
const LONG = spread(LONG_SCRIPT);

const CASES: EditorCase[] = [
  { page: 'tiptap', click: '.ProseMirror', expect: RICH },
  { page: 'quill', click: '.ql-editor', expect: RICH },
  { page: 'lexical', click: '#editor', expect: RICH },
  { page: 'slate', click: '[data-slate-editor]', expect: RICH },
  { page: 'draft', click: '.public-DraftEditor-content', expect: RICH },
  { page: 'ckeditor', click: '.ck-editor__editable', expect: RICH },
  { page: 'tinymce', click: 'body', frame: 'iframe', expect: RICH },
  { page: 'codemirror', click: '.cm-content', expect: LONG },
  { page: 'monaco', click: '.monaco-editor .monaco-scrollable-element', expect: LONG },
  { page: 'ace', click: '.ace_scroller', expect: LONG },
  // Editors with no adapter of their own, read by the general contenteditable path.
  { page: 'editorjs', click: '.ce-paragraph', expect: RICH, selectAll: 2 },
  { page: 'jodit', click: 'body', frame: 'iframe.jodit-wysiwyg_iframe', expect: RICH },
  { page: 'trix', click: 'trix-editor', expect: RICH },
  { page: 'suneditor', click: '.sun-editor-editable', expect: RICH },
  { page: 'toastui', click: '.toastui-editor.md-mode .ProseMirror', expect: RICH },
];

describe.each(INLINE_BROWSERS)('%s: select-all in each editor reaches the API with the editor\'s whole text', (name) => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineSession;

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInline(name), { settings: { maxApiCharacters: 30_000 } })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it.each(CASES.map((c, i) => [c.page, c, i] as const))('%s', async (fixture, editor, index) => {
    // A speed of its own per editor: nothing is answered from another editor's cache.
    await browser.saveSettings({ speed: 1 + index / 20 });
    const page = await browser.open(pages.page(fixture));
    const before = api.requests.length;
    await page.click(editor.click, { position: { x: 30, y: 12 }, ...(editor.frame && { frame: editor.frame }) });
    for (let i = 0; i < (editor.selectAll ?? 1); i++) await page.selectAll();
    // A first select-all in a block editor is estimated too: wait for the whole text's calls.
    const sentSince = async () => api.requests.slice(before).filter((r) => r.path.startsWith('/v1/predict-duration/'))
      .map((r) => (r.body as { text: string }).text).join(' ').replace(/\s+/g, ' ');
    const sent = await waitFor(sentSince, (text): text is string => editor.expect.every((sentence) => text.includes(sentence)), `${fixture}: the whole text sent`).catch(sentSince);
    for (const sentence of editor.expect) expect(sent).toContain(sentence);
    // After a block editor's first select-all, the first block's pieces are cached: the whole
    // text is then answered partly from the API, partly from that cache ("mixed").
    const tooltip = await waitForTooltip(page, (editor.selectAll ?? 1) > 1 ? /^(API|mixed)$/ : /^API$/);
    expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
    await page.screenshot(`editor-${fixture}`);
    await page.close();
  });
});
