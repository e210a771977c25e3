const EVERY_PAGE = ['inline.js', 'content-scripts/editor-bridge.js'] as const;

/**
 * What a page of each kind loads of our content scripts, as built files (lib/content/sites/hosts.ts):
 * every page the general script and the editor bridge; Notion its reader besides; Docs, instead of
 * both, its own script (the estimates with Docs' reader, no code editors: it has none to bridge) and
 * its page-world part; Word's editing frame its own script. The size budget and the bench both read it.
 */
export const CONTENT_PAGES = {
  every: { where: 'on every page (isolated + page-world bridge)', files: EVERY_PAGE },
  docs: { where: 'on Google Docs', files: ['docs-inline.js', 'content-scripts/docs-page.js'] },
  notion: { where: 'on Notion', files: [...EVERY_PAGE, 'site-notion.js'] },
  word: { where: 'in Word\'s editing frame', files: ['word-frame.js'] },
} as const;
