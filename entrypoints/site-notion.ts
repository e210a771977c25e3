import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerSiteReader } from '@/lib/content/sites/hook';
import { createNotionReader } from '@/lib/content/sites/notion-reader';

/** Notion only (listed in the manifest by lib/content/sites/hosts.ts): whole-block selections for the inline estimates. */
export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSiteReader(createNotionReader(document));
  },
});
