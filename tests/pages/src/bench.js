import { englishScript } from '../../fixtures/scripts.ts';
import { ready } from './sample.js';

// Many distinct words to select one after another (each selection is a new text).
document.querySelector('#words').textContent = englishScript(3_000);
// Lines that differ from each other and from the words above: each selection is a new API question.
document.querySelector('#lines').value = Array.from({ length: 60 }, (_, i) => `Take ${i + 1}: the narrator reads line ${i + 1} aloud, slowly.`).join('\n');

/** Measures, in the page, from a real input event to the frame after ScriptMeter's tooltip changed. */
const tooltipTimes = [];
let lastInput = 0;
addEventListener('pointerup', (event) => { lastInput = event.timeStamp; }, true);
addEventListener('keyup', (event) => { if (!['Shift', 'Control', 'Meta', 'Alt'].includes(event.key)) lastInput = event.timeStamp; }, true);
const watch = new MutationObserver(() => {
  const box = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip');
  if (!box || !box.matches(':popover-open')) return;
  const mark = box.querySelector('.mark')?.textContent ?? '';
  const started = lastInput;
  requestAnimationFrame(() => tooltipTimes.push({ ms: performance.now() - started, mark }));
});
// ScriptMeter adds its host to <html> on first use: start watching its shadow root then.
new MutationObserver((_, self) => {
  const root = document.querySelector('scriptmeter-inline')?.shadowRoot;
  if (!root) return;
  self.disconnect();
  watch.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
}).observe(document.documentElement, { childList: true });

/** Keystroke to the frame after the key's effect: keydown → next animation frame → the task after it. */
const keyTimes = [];
document.querySelector('#big').addEventListener('keydown', (event) => {
  const started = event.timeStamp;
  requestAnimationFrame(() => setTimeout(() => keyTimes.push(performance.now() - started), 0));
});

const longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); }).observe({ type: 'longtask', buffered: true });

window.bench = { tooltipTimes, keyTimes, longTasks };
ready({ editor: 'bench' });
