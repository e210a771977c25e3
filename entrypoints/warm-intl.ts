import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Run as a worker by the extension pages (lib/i18n/warm-intl.ts). Making any Intl object first loads
// the browser's locale data for the whole page process: 50–150 ms on a busy machine. Done here, on a
// worker thread, it happens while the page's code loads instead of in its first render.
export default defineUnlistedScript(() => {
  new Intl.NumberFormat().format(1);
  postMessage('warm');
});
