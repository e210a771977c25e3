import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInline } from '@/lib/content/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  main(ctx) {
    startInline(ctx, window);
  },
});
