import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createContentContext } from '@/lib/content/context';
import { startInline } from '@/lib/content/start';

/**
 * The inline estimates, on every page (top frames). Listed in the manifest by
 * lib/content/sites/hosts.ts: an unlisted script carries no copy of WXT's content-script runtime.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    startInline(createContentContext('inline'), window);
  },
});
