import type { VoiceProfile } from '../sources/types';

/**
 * "Exact · 0.25 credits" on a page: the background's offer to buy one figure, which a content
 * script (untrusted: a hostile page can influence it) can only hand back, never make up or widen.
 * The token is signed by the background (HMAC-SHA-256 with a secret only the background reads) over
 * the text's hash, the voice profile, the credits and an expiry; it is redeemed once. Being signed,
 * not remembered, it outlives the service worker that issued it (Chrome stops an idle one after 30 s,
 * long before a user reading the tooltip clicks).
 */
export interface PaidOffer {
  token: string;
  /** Credits the offer allows: the plan the background made and showed. */
  credits: number;
}

export const OFFER_TTL_MS = 10 * 60_000;
/** One issued token is a few dozen characters; anything longer is not ours. */
export const MAX_OFFER_TOKEN = 200;

export interface OfferSignerOptions {
  /** The HMAC key; read once, kept where content scripts cannot reach it (lib/background/offer-secret.ts). */
  secret: () => Promise<CryptoKey>;
  now?: () => number;
  ttlMs?: number;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What an offer is for: this text, spoken by this voice profile (source included). */
export async function offerBinding(text: string, voice: VoiceProfile): Promise<string> {
  const profile = JSON.stringify([voice.source, voice.voiceId, voice.language, voice.model ?? '', voice.style ?? '', voice.speed]);
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(`${profile}\u0000${text}`)));
}

/** A fresh random HMAC key (raw bytes, to be stored). */
export function newOfferSecret(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}

export function importOfferSecret(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export interface OfferSigner {
  issue(binding: string, credits: number): Promise<PaidOffer>;
  /** The credits the offer allows, once; undefined for a token that is forged, expired, used, or for another text or voice. */
  redeem(token: string, binding: string): Promise<number | undefined>;
}

export function createOfferSigner(options: OfferSignerOptions): OfferSigner {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? OFFER_TTL_MS;
  /** Nonces redeemed, with their expiry: a token is good for one click (pruned once expired). */
  const used = new Map<string, number>();

  async function mac(fields: string, binding: string): Promise<string> {
    const key = await options.secret();
    return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${fields}|${binding}`)));
  }

  return {
    async issue(binding, credits) {
      const nonce = hex(crypto.getRandomValues(new Uint8Array(12)).buffer);
      const fields = `${now() + ttl}.${credits}.${nonce}`;
      return { token: `${fields}.${await mac(fields, binding)}`, credits };
    },
    async redeem(token, binding) {
      const parts = /^(\d{1,15})\.(\d{1,6}(?:\.\d{1,6})?)\.([0-9a-f]{24})\.([0-9a-f]{64})$/.exec(token);
      if (!parts) return undefined;
      const [, expires, credits, nonce, signature] = parts as unknown as [string, string, string, string, string];
      const at = now();
      for (const [seen, until] of used) if (until < at) used.delete(seen);
      if (Number(expires) < at || used.has(nonce)) return undefined;
      if ((await mac(`${expires}.${credits}.${nonce}`, binding)) !== signature) return undefined;
      used.set(nonce, Number(expires));
      return Number(credits);
    },
  };
}
