import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDouble } from '../api-double/server';
import { VOICES } from '../api-double/voices';
import { closeInlineSuite, INLINE_BROWSERS, launchInline, selectTextareaText, startInlineSuite, tooltipState, waitFor, waitForTooltip, type AnyPage, type InlineSession, type TooltipState } from '../pages/harness';
import type { FixtureServer } from '../pages/server';

const [, HOST, ANNA] = VOICES.map((voice) => voice.voice_id) as [string, string, string];

const noteOf = (page: AnyPage) => (page as { evaluate(fn: () => string): Promise<string> }).evaluate(
  () => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? '');

describe.each(INLINE_BROWSERS)('%s: what a tooltip says beside its figure', (name) => {
  let suite: { api: ApiDouble; pages: FixtureServer; browser: InlineSession };

  beforeAll(async () => {
    suite = await startInlineSuite(() => launchInline(name), { key: null, settings: { language: 'pt' } });
  });
  afterAll(() => closeInlineSuite(suite));

  it('a language with no speaking rate of its own: the local figure says it is a mean of other languages', async () => {
    const page = await suite.browser.open(suite.pages.page('basic'));
    await selectTextareaText(page, 'Bom dia a todos. Este é o roteiro do anúncio de verão, lido em trinta segundos.');
    await waitForTooltip(page, /approx/);
    await expect.poll(() => noteOf(page), { timeout: 10_000 }).toMatch(/no speaking rate known for "pt": a mean of other languages until you calibrate this voice/);
  });

  it('a dialogue: the figure counts the voices its cast used (two cast, one default)', async () => {
    await suite.browser.saveSettings({ language: 'en', cast: { HOST: { voice: HOST }, ANNA: { voice: ANNA } } });
    const page = await suite.browser.open(suite.pages.page('basic'));
    await selectTextareaText(page, 'HOST: Welcome back to the show.\nANNA: Thanks for having me.\nBEN: Hello, everyone.\nHOST: Let us begin.');
    const state = await waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null && /· 3 voices$/.test(s.figure), 'a figure with "· 3 voices"');
    expect(state.figure).toMatch(/^≈ 0:\d\d · [\d.,]+ credits? · 3 voices$/);
  });
});
