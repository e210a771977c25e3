// A page that fights extensions (tests/e2e/hostile-pages.e2e.ts). What it did is kept in
// `window.hostile` for the tests: hosts it saw added, removed and restyled, and every call an
// extension made into a built-in the page replaced.
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { LONG_SCRIPT, ready } from './sample.js';

const fight = new URLSearchParams(location.search).get('fight') ?? 'restyle';
const hostile = { fight, added: 0, removed: 0, restyled: 0, poisoned: [], errors: [] };
window.hostile = hostile;
window.addEventListener('error', (event) => hostile.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => hostile.errors.push(String(event.reason)));

// Everything the page itself put under <html> and <body>; anything else is a stranger.
const own = new Set([document.head, document.body, ...document.body.children]);
const strangers = (nodes) => [...nodes].filter((node) => node.nodeType === Node.ELEMENT_NODE && !own.has(node));

// Watches <html> and <body> for strangers; with ?fight=remove, removes each one at once.
function watch(parent) {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of strangers(record.addedNodes)) {
        hostile.added++;
        if (fight === 'remove' && node.isConnected) {
          node.remove();
          hostile.removed++;
        }
      }
    }
  }).observe(parent, { childList: true });
}
watch(document.documentElement);
watch(document.body);

// Restyles strangers in a loop, as pages that "clean up" overlays do.
setInterval(() => {
  for (const node of strangers([...document.documentElement.children, ...document.body.children])) {
    node.setAttribute('style', 'display:none !important;opacity:0 !important;transform:scale(0) !important;position:fixed !important;'
      + 'z-index:-2147483647 !important;pointer-events:none !important;visibility:hidden !important;top:-9999px !important;filter:blur(9px) !important');
    node.hidden = true;
    hostile.restyled++;
  }
}, 50);

new EditorView({
  parent: document.querySelector('#editor'),
  state: EditorState.create({ doc: LONG_SCRIPT, extensions: [EditorView.lineWrapping] }),
});

// The page's own little app, run on the replaced built-ins: it must keep working.
let count = 0;
document.querySelector('#app-button').addEventListener('click', () => {
  count++;
  document.querySelector('#app-out').textContent = JSON.parse(JSON.stringify([count].map((n) => n * 1))).join('');
});

// After load: built-ins replaced by wrappers that behave for the page and throw for any caller that
// is an extension script (the frame right below the wrapper), so a bridge that relies on the page's
// built-ins is caught at once, while the editor that the bridge calls into keeps working.
const { apply, construct, defineProperty, getOwnPropertyDescriptor } = Reflect;
const NativeError = Error;
const hasInstance = Function.prototype[Symbol.hasInstance];
const EXTENSION = /(?:chrome|moz)-extension:\/\//;
/** Whether the built-in being run was called straight from an extension's script (no replaced built-ins used here). */
function callerIsExtension() {
  const limit = NativeError.stackTraceLimit;
  NativeError.stackTraceLimit = 4;
  const stack = String(new NativeError().stack);
  NativeError.stackTraceLimit = limit;
  const lines = stack.split('\n');
  let frame = 0;
  for (const line of lines) {
    const text = line.trim();
    if (!text || text === 'Error') continue;
    // frame 0: this function, 1: the wrapper, 2: whoever called the built-in.
    if (frame === 2) return EXTENSION.test(text);
    frame++;
  }
  return false;
}
function refuse(name) {
  hostile.poisoned.push(name);
  throw new TypeError(`hostile page: ${name} refused to an extension`);
}
function replaceMethod(owner, key, name) {
  const original = owner[key];
  const wrapper = function (...args) {
    if (callerIsExtension()) refuse(name);
    return new.target ? construct(original, args, new.target === wrapper ? original : new.target) : apply(original, this, args);
  };
  Object.setPrototypeOf(wrapper, original);
  if (original.prototype) wrapper.prototype = original.prototype;
  defineProperty(owner, key, { value: wrapper, writable: true, configurable: true });
}
function replaceGetter(proto, key, name) {
  const { get } = getOwnPropertyDescriptor(proto, key);
  defineProperty(proto, key, {
    configurable: true,
    get() {
      if (callerIsExtension()) refuse(name);
      return apply(get, this, []);
    },
  });
}

function replaceBuiltIns() {
  const methods = [
    [Array.prototype, 'map', 'Array.map'], [Array.prototype, 'forEach', 'Array.forEach'], [Array.prototype, 'filter', 'Array.filter'],
    [Array.prototype, 'join', 'Array.join'], [Array.prototype, 'find', 'Array.find'], [JSON, 'parse', 'JSON.parse'], [JSON, 'stringify', 'JSON.stringify'],
    [Function.prototype, 'call', 'Function.call'], [Function.prototype, 'apply', 'Function.apply'], [Function.prototype, 'bind', 'Function.bind'],
    [Element.prototype, 'getBoundingClientRect', 'Element.getBoundingClientRect'], [Element.prototype, 'attachShadow', 'Element.attachShadow'],
    [Element.prototype, 'querySelector', 'Element.querySelector'], [Node.prototype, 'contains', 'Node.contains'],
    [EventTarget.prototype, 'addEventListener', 'EventTarget.addEventListener'], [EventTarget.prototype, 'dispatchEvent', 'EventTarget.dispatchEvent'],
    [Event.prototype, 'composedPath', 'Event.composedPath'], [window, 'getSelection', 'getSelection'], [Document.prototype, 'getSelection', 'Document.getSelection'],
    [window, 'postMessage', 'postMessage'], [window, 'Promise', 'Promise'], [window, 'CustomEvent', 'CustomEvent'],
    [Reflect, 'apply', 'Reflect.apply'], [Object, 'getOwnPropertyDescriptor', 'Object.getOwnPropertyDescriptor'],
  ];
  for (const [owner, key, name] of methods) replaceMethod(owner, key, name);
  replaceGetter(CustomEvent.prototype, 'detail', 'CustomEvent.detail');
  replaceGetter(Node.prototype, 'nodeType', 'Node.nodeType');
  defineProperty(Element, Symbol.hasInstance, {
    configurable: true,
    value(value) {
      if (callerIsExtension()) refuse('Element[Symbol.hasInstance]');
      return apply(hasInstance, this, [value]);
    },
  });
}

replaceBuiltIns();
ready({ editor: 'codemirror', text: LONG_SCRIPT });
