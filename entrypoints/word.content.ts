import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInline } from '@/lib/content/start';
import { registerSiteReader } from '@/lib/content/sites/hook';
import { WORD_FRAME_MATCHES } from '@/lib/content/sites/hosts';
import { createWordReader } from '@/lib/content/sites/word-reader';

/**
 * Word for the web edits in a cross-origin frame, where the general content script (top frames
 * only) does not run: this one runs there, with the inline estimates and Word's selection reader.
 */
export default defineContentScript({
  matches: WORD_FRAME_MATCHES,
  allFrames: true,
  main(ctx) {
    registerSiteReader(createWordReader(document));
    // Opened on its own, the frame's page is a top page: the general content script runs there already.
    if (window !== window.top) startInline(ctx, window);
  },
});
