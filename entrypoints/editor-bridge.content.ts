import { defineContentScript } from 'wxt/utils/define-content-script';
import { serveBridge } from '@/lib/content/bridge-page';
import { DOCS_MATCHES } from '@/lib/content/sites/hosts';

/**
 * Reads editors that render only their visible lines (CodeMirror 6, Monaco, Ace) from their models,
 * for the content script. MAIN world in Chromium; Firefox MV2 has no MAIN-world scripts, so there it
 * runs beside the content script and reaches page objects through `wrappedJSObject`.
 * At document_start, before any page script, so it holds the built-ins a page may replace later.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // A Docs document is a canvas with no code editor in it: nothing to bridge, and its size budget is tight.
  excludeMatches: [...DOCS_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  // No global of ours in the page's world (WXT names the script's result after it by default).
  globalName: false,
  main() {
    serveBridge(window);
  },
});
