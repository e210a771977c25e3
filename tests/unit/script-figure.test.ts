import { describe, expect, it } from 'vitest';
import { figureFromReply } from '@/lib/content/estimate-client';
import { figureText } from '@/lib/content/figure-text';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';
import type { EstimateReply } from '@/lib/messages/protocol';
import { PROVIDER_IDS, type ProviderId } from '@/lib/rates/credits';

const credits = Object.fromEntries(PROVIDER_IDS.map((id) => [id, 99])) as Record<ProviderId, number>;
const result = { seconds: 42, calls: 3, source: 'api' as const, pieces: [], credits, errors: [], excluded: [], characters: 500, vendor: 'supertone' as const, predictCredits: 0, warnings: [] };
const voice = { source: 'supertone' as const, voiceId: 'v', language: 'en', model: 'sona_speech_1', speed: 1 };

describe('the tooltip for a dialogue', () => {
  it('shows the total, priced at each line\'s voice, and how many voices it used', () => {
    const script = { format: 'labelled' as const, lines: [], speakers: [], voices: 3, seconds: 42, credits: 17.5, uncast: [] };
    const reply: EstimateReply = { ok: true, result, voice, provider: 'supertone', script };
    expect(figureText(figureFromReply(reply), ENGLISH_INLINE_WORDS)).toBe('≈ 0:42 · 17.5 credits · 3 voices');
    expect(figureText(figureFromReply({ ...reply, script: { ...script, voices: 1 } }), ENGLISH_INLINE_WORDS)).toBe('≈ 0:42 · 17.5 credits · 1 voice');
  });

  it('says nothing of voices for text without speakers', () => {
    expect(figureText(figureFromReply({ ok: true, result, voice, provider: 'supertone' }), ENGLISH_INLINE_WORDS)).toBe('≈ 0:42 · 99 credits');
  });
});

describe('message schemas', () => {
  it('load on their own, before the protocol maps they spread in (an import cycle once killed the background)', async () => {
    const { requestSchemas } = await import('@/lib/messages/schemas');
    expect(requestSchemas.paragraphFigures.safeParse({ text: 'One.\n\nTwo.' }).success).toBe(true);
    expect(requestSchemas.paragraphFigures.safeParse({ text: 'x', extra: 1 }).success).toBe(false);
  });
});
