import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerEditorAdapters } from '@/lib/content/adapters';
import { LIBRARY_EDITORS } from '@/lib/content/adapters/library-editors';
import { createContentContext } from '@/lib/content/context';
import { startInline } from '@/lib/content/start';
import { registerSiteReader } from '@/lib/content/sites/hook';
import { createWordReader } from '@/lib/content/sites/word-reader';

/**
 * Word for the web edits in a cross-origin frame, where the general script (top frames only) does
 * not run: this one runs there (all frames, Word's hosts: lib/content/sites/hosts.ts), with the
 * inline estimates and Word's selection reader.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSiteReader(createWordReader(document));
    // Opened on its own, the frame's page is a top page: the general script runs there already.
    if (window === window.top) return;
    registerEditorAdapters(LIBRARY_EDITORS);
    startInline(createContentContext('word-frame'), window);
  },
});
