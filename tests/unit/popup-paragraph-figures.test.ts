import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lazyParagraphFigures } from '@/components/popup/paragraph-figures';

const paragraphs = [{ text: 'One.', seconds: 1.2, basis: 'exact' as const }, { text: 'Two.', seconds: 0.9, basis: 'local' as const }];

describe('the popup asks for paragraph figures once per estimate', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('the breakdown and a cue sheet download share one answer, asked on first use', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async () => ({ ok: true, paragraphs }));
    const figures = lazyParagraphFigures('One.\n\nTwo.');
    expect(send).not.toHaveBeenCalled();
    const [breakdown, download] = await Promise.all([figures(), figures()]);
    expect(breakdown).toEqual({ paragraphs });
    expect(await figures()).toBe(download);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ type: 'paragraphFigures', data: { text: 'One.\n\nTwo.' } });
  });

  it('a refusal or a failed message is an error to show, not a throw', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementationOnce(async () => ({ ok: false, error: 'No voice is set.' }));
    await expect(lazyParagraphFigures('a\n\nb')()).resolves.toEqual({ error: 'No voice is set.' });
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementationOnce(async () => { throw new Error('"paragraphFigures" is only available to ScriptMeter\'s own pages.'); });
    await expect(lazyParagraphFigures('a\n\nb')()).resolves.toEqual({ error: expect.stringMatching(/only available/) });
  });
});
