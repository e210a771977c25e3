import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { TabEnvelope } from '@/lib/content/tab-protocol';
import type { selectionReplySchema } from './page-text-schema';

export type PageText = z.infer<typeof selectionReplySchema> | { source: 'unreachable'; text: '' };

/**
 * Asks the current tab's content script for its selection or focused editor's text. Pages
 * without it (browser pages, stores, a tab opened before install) answer nothing: 'unreachable'.
 */
export async function readPageText(): Promise<PageText> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return { source: 'unreachable', text: '' };
    const envelope: TabEnvelope<'selectionText'> = { scriptmeter: 1, type: 'selectionText' };
    const answer: unknown = await browser.tabs.sendMessage(tab.id, envelope);
    // Loaded here, not at the top, so zod is evaluated after the popup's first render.
    const { selectionReplySchema } = await import('./page-text-schema');
    const reply = selectionReplySchema.safeParse(answer);
    return reply.success ? reply.data : { source: 'unreachable', text: '' };
  } catch {
    return { source: 'unreachable', text: '' };
  }
}
