/**
 * Styles for the shadow root. The host is reset with `:host { all: initial !important }` (lib/content/ui.ts): for
 * !important declarations the shadow root's own win over the page's, style attributes included,
 * so a page's `display: none !important` on our host loses (tests/e2e/hostile-pages.e2e.ts). The
 * boxes sit in the top layer (popover), above any z-index and outside the page's transforms.
 *
 * The boxes set their own display, so closed popovers get `display: none` back. `.note`: why a figure
 * is only approximate, a line of its own under figure and mark, wrapped at a readable width.
 * `.exact`: "Exact · 0.25 credits", a button of its own under the reason, so the cost is read before
 * the click. (Comments stay out of the string: every page downloads it.)
 */
export const INLINE_CSS = `
[popover]{position:fixed;inset:auto;left:0;top:0;margin:0;overflow:visible;box-sizing:border-box;max-width:calc(100vw - 8px);font:500 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;color:#f4f6fb;background:#1d2330;border:1px solid #3a4254;border-radius:8px;box-shadow:0 4px 16px rgb(0 0 0 / 0.28);white-space:nowrap;direction:ltr;text-align:left;letter-spacing:normal;pointer-events:auto;user-select:none}
[popover]:not(:popover-open){display:none}
.tooltip{display:grid;grid-template-columns:auto 1fr;align-items:center;gap:4px 8px;padding:5px 6px 5px 10px}
.note{grid-column:1 / -1;max-width:22em;white-space:normal;font-weight:400;font-size:12px;color:#d6dae3}
.figure{font-variant-numeric:tabular-nums}
.exact{grid-column:1 / -1;justify-self:start;margin:2px 0;padding:4px 10px;border:0;border-radius:6px;font:600 12px/1.3 system-ui, sans-serif;color:#1d2330;background:#8be3b0;cursor:pointer}
.mark{justify-self:start;font-size:11px;font-weight:600;line-height:1;padding:3px 6px;border-radius:999px;color:#ffd88a;background:rgb(255 216 138 / 0.14)}
.mark[data-source="api"],.mark[data-source="cache"]{color:#8be3b0;background:rgb(139 227 176 / 0.14)}
.chip{display:flex;align-items:center;gap:6px;padding:2px 4px 2px 8px;font-size:11.5px;opacity:0.92;pointer-events:none;border-radius:999px}
.chip .mark{font-size:10px;padding:2px 5px}
.icon{width:13px;height:13px;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round}
`;
