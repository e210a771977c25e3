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
 * The site readers register with the inline estimates in the same isolated world.
 */
export const LISTED_CONTENT_SCRIPTS = [
  { matches: DOCS_MATCHES, js: ['site-docs.js'], run_at: 'document_start' },
  { matches: NOTION_MATCHES, js: ['site-notion.js'], run_at: 'document_start' },
  // The inline estimates themselves (entrypoints/inline.ts, word-frame.ts), at document_idle.
  { matches: ['<all_urls>'], js: ['inline.js'] },
  { matches: WORD_FRAME_MATCHES, js: ['word-frame.js'], all_frames: true },
] as const;
