import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKGROUND_STOPPED_MESSAGE, EXTENSION_RELOADED_MESSAGE, sendToBackground } from '@/lib/messages/send';

const NO_WAIT = { retryDelaysMs: [0, 0] };
const reply = { set: true, hint: '…1234' };

/** The background answers each try with the next outcome: an Error is thrown, anything else returned. */
function backgroundAnswers(...outcomes: unknown[]) {
  return vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async () => {
    const next = outcomes.shift();
    if (next instanceof Error) throw next;
    return next;
  });
}

describe('sendToBackground when the background goes away', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it.each([
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
    'Could not establish connection. Receiving end does not exist.',
  ])('asks again after "%s"', async (words) => {
    const send = backgroundAnswers(new Error(words), reply);
    await expect(sendToBackground('keyStatus', {}, NO_WAIT)).resolves.toEqual(reply);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('takes an empty answer (the polyfill\'s "port closed") as no answer', async () => {
    backgroundAnswers(undefined, reply);
    await expect(sendToBackground('keyStatus', {}, NO_WAIT)).resolves.toEqual(reply);
  });

  it('gives up with a clear error after a bounded number of tries', async () => {
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    const send = backgroundAnswers(gone, gone, gone, gone, reply);
    await expect(sendToBackground('keyStatus', {}, NO_WAIT)).rejects.toThrow(BACKGROUND_STOPPED_MESSAGE);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not repeat a message the background refused', async () => {
    const send = backgroundAnswers(new Error('"getSettings" is only available to ScriptMeter\'s own pages.'), reply);
    await expect(sendToBackground('keyStatus', {}, NO_WAIT)).rejects.toThrow(/only available/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('tells an orphaned content script to reload the page, without retrying', async () => {
    const send = backgroundAnswers(new Error('Extension context invalidated.'), reply);
    await expect(sendToBackground('keyStatus', {}, NO_WAIT)).rejects.toThrow(EXTENSION_RELOADED_MESSAGE);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
