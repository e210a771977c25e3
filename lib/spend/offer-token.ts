import pLimit from 'p-limit';
import { z } from 'zod';
import type { VoiceProfile } from '../sources/types';

/**
 * "Exact · 0.25 credits" on a page: the background's offer to buy one figure, which a content
 * script (untrusted: a hostile page can influence it) can only hand back, never make up or widen.
 * The token is signed by the background (HMAC-SHA-256 with a secret only the background reads) over
 * the text's hash, the voice profile, the credits and an expiry; it is redeemed once. Being signed,
 * not remembered, it outlives the service worker that issued it (Chrome stops an idle one after 30 s,
 * long before a user reading the tooltip clicks); the tokens already used are remembered in a store
 * that outlives the worker too (UsedOfferStore), so a restart cannot honour one twice.
 */
export interface PaidOffer {
  token: string;
  /** Credits the offer allows: the plan the background made and showed. */
  credits: number;
}

export const OFFER_TTL_MS = 10 * 60_000;
/** One issued token is a few dozen characters; anything longer is not ours. */
export const MAX_OFFER_TOKEN = 200;

/** Nonces of redeemed tokens with their expiry (ms), as kept between worker restarts. */
export const usedOffersSchema = z.record(z.string(), z.number());
export type UsedOffers = z.infer<typeof usedOffersSchema>;

/** Where redeemed tokens are remembered until they expire (lib/background/used-offers.ts). */
export interface UsedOfferStore {
  /** Anything may come back (nothing yet, an old or corrupt store): it is checked before use. */
  load(): Promise<unknown>;
  save(used: UsedOffers): Promise<void>;
}

/** Memory only: for tests and hosts without extension storage. */
export function memoryUsedOffers(): UsedOfferStore {
  let kept: UsedOffers = {};
  return { load: async () => kept, save: async (used) => { kept = used; } };
}

export interface OfferSignerOptions {
  /** The HMAC key; read once, kept where content scripts cannot reach it (lib/background/offer-secret.ts). */
  secret: () => Promise<CryptoKey>;
  /** Redeemed tokens; memory by default. A store that cannot be read or written redeems nothing. */
  used?: UsedOfferStore;
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
  const store = options.used ?? memoryUsedOffers();
  // Redeems run one at a time: two clicks racing on one token must not both find it unused.
  const serial = pLimit(1);

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
    redeem: (token, binding) => serial(async () => {
      const parts = /^(\d{1,15})\.(\d{1,6}(?:\.\d{1,6})?)\.([0-9a-f]{24})\.([0-9a-f]{64})$/.exec(token);
      if (!parts) return undefined;
      const [, expires, credits, nonce, signature] = parts as unknown as [string, string, string, string, string];
      const at = now();
      if (Number(expires) < at) return undefined;
      if ((await mac(`${expires}.${credits}.${nonce}`, binding)) !== signature) return undefined;
      try {
        // Expired nonces are dropped as we go: an expired token is refused by its own expiry above.
        const used = Object.fromEntries(Object.entries(usedOffersSchema.catch({}).parse(await store.load())).filter(([, until]) => until >= at));
        if (nonce in used) return undefined;
        // Remembered before it is honoured.
        await store.save({ ...used, [nonce]: Number(expires) });
        return Number(credits);
      } catch {
        return undefined; // a store that cannot say the token is unused, or remember it, buys nothing
      }
    }),
  };
}
