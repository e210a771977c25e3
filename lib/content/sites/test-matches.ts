import { DOCS_MATCHES, NOTION_MATCHES, WORD_FRAME_MATCHES } from './hosts';

/**
 * A test build (`SCRIPTMETER_TEST_PAGES=1`, written to .output/test-pages) also runs each site
 * reader on its fixture page from tests/pages, served on loopback. A production build never has
 * these patterns: nothing is added unless the flag is set.
 */
const TEST_PAGE_MATCHES: ReadonlyArray<[production: readonly string[], fixture: string]> = [
  [DOCS_MATCHES, 'http://127.0.0.1/document/*'],
  // Served from localhost inside a page from 127.0.0.1: a cross-origin frame, as Word's is.
  [WORD_FRAME_MATCHES, 'http://localhost/pages/word-frame.html*'],
  [NOTION_MATCHES, 'http://127.0.0.1/pages/notion.html*'],
];

interface ManifestWithScripts {
  content_scripts?: Array<{ matches?: string[]; exclude_matches?: string[] }>;
}

/** Where a script runs on a site, it runs on the site's fixture too; where it is kept off a site (the general script off Docs), off the fixture too. */
export function addTestPageMatches(manifest: ManifestWithScripts, flag: string | undefined): void {
  if (flag !== '1') return;
  for (const script of manifest.content_scripts ?? []) {
    for (const patterns of [script.matches ?? [], script.exclude_matches ?? []]) {
      for (const [production, fixture] of TEST_PAGE_MATCHES) {
        if (production.every((pattern) => patterns.includes(pattern)) && !patterns.includes(fixture)) patterns.push(fixture);
      }
    }
  }
}
