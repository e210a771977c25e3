import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerEditorAdapters } from '@/lib/content/adapters';
import { LIBRARY_EDITORS } from '@/lib/content/adapters/library-editors';
import { createContentContext } from '@/lib/content/context';
import { startInline } from '@/lib/content/start';

/**
 * The inline estimates, on every page (top frames) but Google Docs (entrypoints/docs-inline.ts).
 * Listed in the manifest by lib/content/sites/hosts.ts: an unlisted script carries no copy of WXT's
 * content-script runtime.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    registerEditorAdapters(LIBRARY_EDITORS);
    startInline(createContentContext('inline'), window);
  },
});
