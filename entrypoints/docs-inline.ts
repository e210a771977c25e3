import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createContentContext } from '@/lib/content/context';
import { startInline } from '@/lib/content/start';
import { createDocsReader } from '@/lib/content/sites/docs-reader';
import { registerSiteReader } from '@/lib/content/sites/hook';

/**
 * Google Docs only, instead of the general script (lib/content/sites/hosts.ts): the inline estimates
 * with Docs' reader, in one script as Word's frame has (word-frame.ts). Docs' document is a canvas
 * and its own fields are plain ones, so no library editor is registered: this script carries only
 * the general field and contenteditable reading, and Docs gets no page-world editor bridge either.
 * At document_idle like the general script: the reader is registered before the estimates start, in
 * this same script; only the page-world flag (docs-page.content.ts) must come before Docs loads.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSiteReader(createDocsReader(document));
    startInline(createContentContext('docs-inline'), window);
  },
});
