import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPageText } from '@/components/popup/read-page';

/** The popup's read of the active tab: the content script's reply is untrusted, so it is checked. */
describe('readPageText', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  function activeTabAnswers(answer: () => Promise<unknown>) {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number]]);
    return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer);
  }

  it('returns a well-formed reply from the tab it asked', async () => {
    const send = activeTabAnswers(async () => ({ text: 'Hello there.', source: 'selection' }));
    expect(await readPageText()).toEqual({ text: 'Hello there.', source: 'selection' });
    expect(send).toHaveBeenCalledWith(7, { scriptmeter: 1, type: 'selectionText' });
  });

  it('treats a malformed reply as an unreachable page', async () => {
    activeTabAnswers(async () => ({ text: 42, source: 'selection' }));
    expect(await readPageText()).toEqual({ source: 'unreachable', text: '' });
  });

  it('treats a page without the content script as unreachable', async () => {
    activeTabAnswers(async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); });
    expect(await readPageText()).toEqual({ source: 'unreachable', text: '' });
  });
});
