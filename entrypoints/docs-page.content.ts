import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHROME_EXTENSION_ID, GECKO_ID } from '@/lib/extension-identity';
import { serveDocsPage } from '@/lib/content/sites/docs-page';
import { DOCS_MATCHES } from '@/lib/content/sites/hosts';

/**
 * Google Docs only, in the page's world before Docs loads: turns on Docs' annotated canvas under
 * ScriptMeter's own id and answers the Docs reader. Firefox MV2 runs it beside the content script,
 * reaching the page through `wrappedJSObject`.
 */
export default defineContentScript({
  matches: DOCS_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  // No global of ours in the page's world (WXT names the script's result after it by default).
  globalName: false,
  main() {
    serveDocsPage(window, import.meta.env.FIREFOX ? GECKO_ID : CHROME_EXTENSION_ID);
  },
});
