// Text shared by the fixture pages, from the same generator as the unit tests.
import { englishScript, FIXTURE_PARAGRAPHS } from '../../fixtures/scripts.ts';

/** Three short paragraphs: what a writer has in a rich-text editor. */
export const PARAGRAPHS = FIXTURE_PARAGRAPHS;
/** A long script: code editors render only the lines in view. */
export const LONG_SCRIPT = englishScript(12_000);

/** Marks the page ready for the tests, once its editor is up. */
export function ready(details = {}) {
  window.fixture = { ready: true, ...details };
  document.documentElement.dataset.ready = 'true';
}
