/**
 * Where the site readers run. Each loads only on its own hosts, so the script every page gets
 * carries none of their code.
 */
export const DOCS_MATCHES = ['https://docs.google.com/document/*'];
/** Word for the web edits inside a frame from these hosts (word-edit…, regional usc-word-edit… and the like). */
export const WORD_FRAME_MATCHES = ['https://*.officeapps.live.com/we/*'];
export const NOTION_MATCHES = ['https://www.notion.so/*', 'https://*.notion.site/*'];

/**
 * Content scripts built as unlisted scripts and listed in the manifest here, so none carries WXT's
 * content-script runtime (the inline estimates bring their own small context, lib/content/context.ts).
 * Notion's reader registers with the general script in the same isolated world, before it starts;
 * Docs and Word's frame get the inline estimates and their reader in one script of their own.
 */
const LISTED_CONTENT_SCRIPTS = [
  { matches: NOTION_MATCHES, js: ['site-notion.js'], run_at: 'document_start' },
  // The inline estimates themselves (entrypoints/inline.ts, docs-inline.ts, word-frame.ts), at document_idle.
  { matches: ['<all_urls>'], exclude_matches: DOCS_MATCHES, js: ['inline.js'] },
  { matches: DOCS_MATCHES, js: ['docs-inline.js'] },
  { matches: WORD_FRAME_MATCHES, js: ['word-frame.js'], all_frames: true },
] as const;

export interface ListedContentScript {
  matches: string[];
  exclude_matches?: string[];
  js: string[];
  run_at?: 'document_start';
  all_frames?: boolean;
}

/** The listed scripts as manifest entries: fresh arrays, so adding a test page's address changes no constant here. */
export function listedContentScripts(): ListedContentScript[] {
  return LISTED_CONTENT_SCRIPTS.map((script) => {
    const entry: ListedContentScript = { ...script, matches: [...script.matches], js: [...script.js] };
    if ('exclude_matches' in script) entry.exclude_matches = [...script.exclude_matches];
    return entry;
  });
}
