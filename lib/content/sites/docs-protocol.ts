/**
 * Events between the Docs reader (content script) and the Docs page-world script, which alone can
 * reach `_docs_annotate_getAnnotatedText` in Chromium. Only JSON strings cross; a request carries an
 * id so that the answer, which Docs gives asynchronously, finds its asker. The page can see or forge
 * these: it learns or alters only its own text, and nothing here can start an API call.
 */
export const DOCS_REQUEST = 'scriptmeter:docs-request';
export const DOCS_REPLY = 'scriptmeter:docs-reply';
