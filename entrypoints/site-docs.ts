import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createDocsReader } from '@/lib/content/sites/docs-reader';
import { registerSiteReader } from '@/lib/content/sites/hook';

/**
 * Google Docs only (listed in the manifest by lib/content/sites/hosts.ts): lets the inline estimates
 * read Docs' canvas-drawn selection and document. An unlisted script, so it carries no copy of the
 * content-script runtime the general script already brings.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSiteReader(createDocsReader(document));
  },
});
