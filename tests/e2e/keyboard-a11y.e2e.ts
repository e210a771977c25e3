import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { EXT_BROWSERS, poll, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';
import { downloadAfter, seriousA11yProblems } from './page-tools';
import { supertoneAt } from '../fixtures/endpoints';

const VOICE = '91992bbd4758bdcf9c9b01';
const POPUP = { width: 400, height: 900 };

/** What the test learns about the focused element. */
interface Focused {
  /** Its place among the page's tabbable controls (marked beforehand), -1 when unmarked, null for none. */
  index: number | null;
  what: string;
  /** A focus ring shows: an outline or a box-shadow on it, or on the visible label of a hidden input. */
  ring: boolean;
  top: number;
  left: number;
}

/**
 * Numbers every control a keyboard user should reach, in document order (the layout is one column,
 * so that is the reading order): enabled, rendered, not inert; of a radio group only the checked one.
 * Also puts the focus navigation start at the top of the page. Returns the controls' descriptions.
 */
function markTabbables(page: ExtPage): Promise<string[]> {
  return page.evaluate(() => {
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
    const marked: string[] = [];
    for (const el of candidates) {
      el.removeAttribute('data-kb');
      const control = el as HTMLInputElement;
      if (control.disabled || el.tabIndex < 0 || el.closest('[inert]')) continue;
      if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])') && !el.closest('details:not([open]) > summary')) continue;
      if (control.type === 'radio' && !control.checked && document.querySelector(`input[type=radio][name="${control.name}"]:checked`)) continue;
      const hiddenInput = el.classList.contains('sr-only') || getComputedStyle(el).opacity === '0';
      const box = (hiddenInput ? (el.nextElementSibling as HTMLElement | null) ?? el : el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      el.setAttribute('data-kb', String(marked.length));
      marked.push(el.id ? `#${el.id}` : `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    window.scrollTo(0, 0);
    return marked;
  }, null);
}

function focused(page: ExtPage): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { index: null, what: 'nothing', ring: false, top: 0, left: 0 };
    const hiddenInput = el.classList.contains('sr-only') || getComputedStyle(el).opacity === '0';
    const shown = hiddenInput ? (el.nextElementSibling as HTMLElement | null) ?? el : el;
    const style = getComputedStyle(shown);
    const ring = el.matches(':focus-visible')
      && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none');
    // Where it sits in the layout, whatever the page is scrolled to.
    const box = shown.getBoundingClientRect();
    const mark = el.getAttribute('data-kb');
    return {
      index: mark === null ? -1 : Number(mark),
      what: el.id ? `#${el.id}` : `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      ring, top: box.top + window.scrollY, left: box.left + window.scrollX,
    };
  }, null);
}

/** Tabs until `selector` has the focus; fails after `limit` presses. */
async function tabTo(page: ExtPage, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeKeys(page: ExtPage, text: string): Promise<void> {
  for (const key of text) await page.press(key);
}

/**
 * Tabs through the whole page from the top: every marked control is reached once, in order, each
 * with a visible focus ring and each below (or on the same line, right of) the one before; then
 * Shift+Tab goes back a step.
 */
async function walk(page: ExtPage): Promise<void> {
  const controls = await markTabbables(page);
  expect(controls.length).toBeGreaterThan(3);
  const seen: Focused[] = [];
  for (let i = 0; i < controls.length; i++) {
    await page.press('Tab');
    const now = await focused(page);
    expect(now, `Tab ${i + 1} of ${controls.length}: expected ${controls[i]}, got ${now.what}`).toMatchObject({ index: i, ring: true });
    const before = seen.at(-1);
    if (before) {
      const sameLine = Math.abs(now.top - before.top) < 8;
      expect(sameLine ? now.left > before.left : now.top > before.top, `${now.what} comes after ${before.what} on screen`).toBe(true);
    }
    seen.push(now);
  }
  await page.press('Shift+Tab');
  expect((await focused(page)).index).toBe(controls.length - 2);
}

describe.each(EXT_BROWSERS)('%s: keyboard only, popup and options', (_name, launch) => {
  let api: ApiDouble;
  let browser: ExtBrowser;

  beforeAll(async () => {
    api = await startApiDouble({ balance: 5_000 });
    api.control.setUsage([{ at: new Date(Date.now() - 86_400_000), voice_id: VOICE, voice_name: 'Adam', model: 'sona_speech_1', api_key: 'sup_****3f9a', minutes: 3 }]);
    browser = await launch();
    const setup = await browser.openExtensionPage('options.html');
    await sendFromExtensionPage(setup, 'saveSettings', { patch: { ...supertoneAt(api.url), voiceId: VOICE } });
    // Each test stands alone; the options test saves the key again, from the keyboard.
    await sendFromExtensionPage(setup, 'setApiKey', { key: 'test-key' });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('options: save the key, test the connection, save a setting and export, all from the keyboard', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForText('#privacy-title', /Privacy/);
    await markTabbables(page);

    await tabTo(page, '#api-key');
    await typeKeys(page, 'test-key');
    await page.press('Enter');
    await page.waitForText('form[aria-labelledby="key-title"] .notice', /^Key saved\.$/);
    await tabTo(page, '#test-connection');
    await page.press(' ');
    expect(await page.waitForText('#test-result', /Connected/)).toBe('Connected. The balance is 5,000 credits.');

    await tabTo(page, '#keep-history');
    await page.press(' ');
    expect(await page.evaluate(() => (document.querySelector('#keep-history') as HTMLInputElement).checked, null)).toBe(false);
    await tabTo(page, 'form[aria-labelledby="privacy-title"] button[type="submit"]');
    await page.press('Enter');
    await page.waitForText('form[aria-labelledby="privacy-title"] .notice', /^Saved\.$/);
    expect(await sendFromExtensionPage(page, 'getSettings', {})).toMatchObject({ privacy: { keepHistory: false } });

    await tabTo(page, '#export-settings');
    const file = await downloadAfter(page, () => page.press('Enter'));
    expect(file.name).toBe('scriptmeter-settings.json');
    expect(JSON.parse(file.text)).toMatchObject({ scriptmeter: 'settings', settings: { privacy: { keepHistory: false } } });
  });

  it('options: every control is reached in reading order with a visible focus ring, and axe finds nothing serious', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.waitForText('#history-count', /Estimates/);
    // The voice picker loads the account's voices when it gets the focus: load them first, so the walk sees the page as it stays.
    await tabTo(page, '#voice-search');
    await page.waitForText('#voice-results', /Use/);
    await walk(page);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('popup: estimate pasted text, change the slot, the providers table, the usage period and refresh the balance, all from the keyboard', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP);
    await popup.waitForText('#balance-figure', /5,000/);
    await popup.waitForText('#usage-total', /min in 7 days/);
    await markTabbables(popup);

    await tabTo(popup, '#paste');
    await typeKeys(popup, 'One line.');
    await popup.press('Tab');
    await popup.press('Enter');
    await popup.waitForText('#estimate-source', /From the Supertone API/);
    expect((await focused(popup)).what).not.toBe('nothing');

    await tabTo(popup, '#slot-seconds');
    await popup.press('Backspace');
    await popup.press('Backspace');
    await typeKeys(popup, '1');
    await popup.waitForText('#slot-verdict', /1 s slot/);
    expect(await sendFromExtensionPage(popup, 'getSettings', {})).toMatchObject({ slotSeconds: 1 });

    await tabTo(popup, 'details.providers > summary');
    await popup.press('Enter');
    await poll(() => popup.evaluate(() => document.querySelector('details.providers')?.hasAttribute('open') ?? false, null), (open) => open, 'the providers table to open');

    // Forward only, in page order: in headless Firefox a Tab that wraps round the browser's own UI
    // leaves Enter unable to activate buttons and summaries.
    api.control.setBalance(4_321);
    await tabTo(popup, '#refresh');
    await popup.press('Enter');
    expect(await popup.waitForText('#balance-figure', /4,321/)).toBe('4,321 credits');

    await tabTo(popup, 'input[name="usage-range"]:checked');
    await popup.press('ArrowRight');
    await popup.waitForText('#usage-total', /min in 30 days/);

    await walk(popup);
    expect(await seriousA11yProblems(popup)).toEqual([]);
  });
});
