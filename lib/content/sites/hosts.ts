/**
 * Where the site readers run. Each loads only on its own hosts, so the script every page gets
 * carries none of their code.
 */
export const DOCS_MATCHES = ['https://docs.google.com/document/*'];
/** Word for the web edits inside a frame from these hosts (word-edit…, regional usc-word-edit… and the like). */
export const WORD_FRAME_MATCHES = ['https://*.officeapps.live.com/we/*'];
export const NOTION_MATCHES = ['https://www.notion.so/*', 'https://*.notion.site/*'];

/**
 * Site readers built as unlisted scripts (no second copy of the content-script runtime) and listed
 * in the manifest here. They register with the general content script in the same isolated world.
 */
export const SITE_CONTENT_SCRIPTS = [
  { matches: DOCS_MATCHES, js: ['site-docs.js'], run_at: 'document_start' },
  { matches: NOTION_MATCHES, js: ['site-notion.js'], run_at: 'document_start' },
] as const;
