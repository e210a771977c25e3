import { sendToBackground } from '../messages/send';
import type { EstimateReply } from '../messages/protocol';
import type { Figure } from './inline-config';

const REMEMBERED = 32;

export function figureFromReply(reply: EstimateReply): Figure {
  if (!reply.ok) throw new Error(reply.error);
  const { result, provider, script, offer } = reply;
  const note = result.localReason ?? (result.errors.length > 0 ? result.errors.join(' ') : undefined);
  const paid = { ...(offer && { offer }), ...(result.predictCredits > 0 && { spent: result.predictCredits }) };
  // A dialogue costs what each line costs at its own voice's provider.
  if (script) return { seconds: result.seconds, credits: script.credits, source: result.source, note, voices: script.voices, ...paid };
  return { seconds: result.seconds, credits: result.credits[provider], source: result.source, note, ...paid };
}

/**
 * Figures from the background for texts the user chose. The last few are remembered, so
 * re-selecting or hovering the same text shows its API figure at once.
 */
export function createEstimateClient() {
  const remembered = new Map<string, Figure>();
  return {
    remembered(text: string): Figure | undefined {
      return remembered.get(text);
    },
    /** `offer`: the token of the figure's offer, after the user's own click on its button. */
    async estimate(text: string, offer?: string): Promise<Figure> {
      const figure = figureFromReply(await sendToBackground('estimate', offer === undefined ? { text } : { text, offer }));
      // Local figures may improve (a key is added, calibration learns): only API figures are kept,
      // and without what they cost, which was paid once: shown again, they cost nothing.
      if (figure.source === 'api' || figure.source === 'cache') {
        remembered.delete(text);
        const kept: Figure = { ...figure };
        delete kept.spent;
        remembered.set(text, kept);
        if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as string);
      }
      return figure;
    },
    forget(): void {
      remembered.clear();
    },
  };
}

export type EstimateClient = ReturnType<typeof createEstimateClient>;
