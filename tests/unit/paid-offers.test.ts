import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EstimateReply } from '@/lib/messages/protocol';
import { saveApiKey, saveSettings } from '@/lib/settings/store';
import type { VoiceProfile } from '@/lib/sources/types';
import { usedOfferStore } from '@/lib/background/used-offers';
import { createOfferSigner, importOfferSecret, newOfferSecret, offerBinding, OFFER_TTL_MS, type UsedOfferStore } from '@/lib/spend/offer-token';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { cacheAudioStackVoices, newEngine } from './engine-fixture';

const VOICE: VoiceProfile = { source: 'audiostack', voiceId: 'sara', language: 'en', speed: 1 };

function signer(now: () => number = Date.now) {
  const key = importOfferSecret(newOfferSecret());
  return createOfferSigner({ secret: () => key, now });
}

describe('paid offers (signed by the background, redeemed once)', () => {
  it('redeems an offer once, for the text and voice it was made for', async () => {
    const offers = signer();
    const binding = await offerBinding('Hello there.', VOICE);
    const offer = await offers.issue(binding, 0.25);
    expect(offer.credits).toBe(0.25);
    expect(await offers.redeem(offer.token, await offerBinding('Hello there!', VOICE))).toBeUndefined();
    expect(await offers.redeem(offer.token, await offerBinding('Hello there.', { ...VOICE, voiceId: 'isaac' }))).toBeUndefined();
    expect(await offers.redeem(offer.token, binding)).toBe(0.25);
    expect(await offers.redeem(offer.token, binding)).toBeUndefined();
  });

  it('refuses forged, widened, expired and foreign tokens', async () => {
    let now = 1_000_000;
    const offers = signer(() => now);
    const binding = await offerBinding('Hello there.', VOICE);
    const { token } = await offers.issue(binding, 0.25);
    const [expires, whole, fraction, nonce, mac] = token.split('.');
    expect(`${whole}.${fraction}`).toBe('0.25');
    // More credits under the same signature: the signature covers them.
    expect(await offers.redeem(`${expires}.100.${nonce}.${mac}`, binding)).toBeUndefined();
    expect(await offers.redeem(token.replace(/.$/, (c) => (c === '0' ? '1' : '0')), binding)).toBeUndefined();
    expect(await offers.redeem('not a token', binding)).toBeUndefined();
    // Another background's secret (another install) signs nothing this one honours.
    const other = await signer(() => now).issue(binding, 0.25);
    expect(await offers.redeem(other.token, binding)).toBeUndefined();
    now += OFFER_TTL_MS + 1;
    expect(await offers.redeem(token, binding)).toBeUndefined();
  });
});

describe('used offers outlive the service worker', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a token redeemed before a worker restart is refused after it (storage.session)', async () => {
    const secret = importOfferSecret(newOfferSecret()); // the signing key is kept across restarts (offer-secret.ts)
    const binding = await offerBinding('Hello there.', VOICE);
    const before = createOfferSigner({ secret: () => secret, used: usedOfferStore() });
    const { token } = await before.issue(binding, 0.25);
    expect(await before.redeem(token, binding)).toBe(0.25);
    // A new worker: nothing in memory survives, only the extension's storage.
    const after = createOfferSigner({ secret: () => secret, used: usedOfferStore() });
    expect(await after.redeem(token, binding)).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.session.get('usedOffers'))).toEqual(['usedOffers']);
    const other = await after.issue(binding, 0.25);
    expect(await after.redeem(other.token, binding)).toBe(0.25);
  });

  it('forgets used tokens once they expire, and two clicks racing on one token buy once', async () => {
    let now = 1_000_000;
    const secret = importOfferSecret(newOfferSecret());
    const kept: Record<string, unknown> = {};
    const store: UsedOfferStore = { load: async () => kept.used, save: async (used) => { kept.used = used; } };
    const offers = createOfferSigner({ secret: () => secret, used: store, now: () => now });
    const binding = await offerBinding('Hello there.', VOICE);
    const first = await offers.issue(binding, 0.25);
    const raced = await Promise.all([offers.redeem(first.token, binding), offers.redeem(first.token, binding)]);
    expect(raced.filter((credits) => credits === 0.25)).toHaveLength(1);
    now += OFFER_TTL_MS + 1;
    const second = await offers.issue(binding, 0.25);
    expect(await offers.redeem(second.token, binding)).toBe(0.25);
    expect(Object.keys(kept.used as object)).toHaveLength(1); // the first, expired, is gone
  });

  it('buys nothing when the store cannot be read or written', async () => {
    const secret = importOfferSecret(newOfferSecret());
    const binding = await offerBinding('Hello there.', VOICE);
    const broken: UsedOfferStore = { load: async () => ({}), save: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    const offers = createOfferSigner({ secret: () => secret, used: broken });
    expect(await offers.redeem((await offers.issue(binding, 0.25)).token, binding)).toBeUndefined();
  });
});

describe('the engine: a content script buys only with the offer it was given', () => {
  let audiostack: AudioStackDouble;
  beforeAll(async () => { audiostack = await startAudioStackDouble({ balance: 100 }); });
  afterAll(() => audiostack.close());
  const TEXT = 'A short line for an exact figure. It has two sentences.'; // one call: 0.25 credits

  function ok(reply: EstimateReply) {
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    audiostack.control.reset();
    await saveSettings({ endpoints: { supertone: 'https://supertoneapi.com', audiostack: audiostack.url }, voiceId: 'sara' });
    await cacheAudioStackVoices();
    await saveApiKey('test-key', 'audiostack');
  });

  it('offers the plan it made, buys it once with the token, and a second ask costs nothing', async () => {
    const { engine } = newEngine();
    const first = ok(await engine.estimate(TEXT, { where: 'example.com', record: false, offerable: true }));
    expect(first.result).toMatchObject({ source: 'local', plan: { calls: 1, credits: 0.25 } });
    expect(first.offer?.credits).toBe(0.25);
    expect(audiostack.control.charges()).toHaveLength(0);

    const bought = ok(await engine.estimate(TEXT, { where: 'example.com', record: false, offerable: true, offer: first.offer?.token }));
    expect(bought.result).toMatchObject({ source: 'api', predictCredits: 0.25 });
    expect(bought.offer).toBeUndefined();
    expect(audiostack.control.charges()).toHaveLength(1);

    // The same token again, and the same text again: the answer is cached, nothing is charged.
    const again = ok(await engine.estimate(TEXT, { where: 'example.com', record: false, offerable: true, offer: first.offer?.token }));
    expect(again.result).toMatchObject({ source: 'cache', predictCredits: 0 });
    expect(audiostack.control.charges()).toHaveLength(1);
    expect(await engine.spentToday()).toBe(0.25);
  });

  it('buys nothing with a token for another text, a made-up token, or after the rule turned to "never"', async () => {
    const { engine } = newEngine();
    const other = ok(await engine.estimate('Another text altogether.', { where: 'x', record: false, offerable: true }));
    const forged = await engine.estimate(TEXT, { where: 'x', record: false, offerable: true, offer: other.offer?.token });
    expect(ok(forged).result.source).toBe('local');
    expect(ok(forged).offer?.credits).toBe(0.25); // a fresh offer for this text instead
    const madeUp = `${Date.now() + 60_000}.0.25.${'a'.repeat(24)}.${'b'.repeat(64)}`;
    expect(ok(await engine.estimate(TEXT, { where: 'x', record: false, offerable: true, offer: madeUp })).result.source).toBe('local');

    const offer = ok(await engine.estimate(TEXT, { where: 'x', record: false, offerable: true })).offer;
    await saveSettings({ spend: { rule: 'never', dailyCap: 5 } });
    engine.invalidate();
    const refused = ok(await engine.estimate(TEXT, { where: 'x', record: false, offerable: true, offer: offer?.token }));
    expect(refused.result.localReason).toBe('Paid predictions are off (Options): approximate local estimate.');
    expect(refused.offer).toBeUndefined();
    expect(audiostack.control.charges()).toHaveLength(0);
  });

  it('offers nothing to extension pages (they consent directly) and nothing under "never"', async () => {
    const { engine } = newEngine();
    expect(ok(await engine.estimate(TEXT, { where: 'popup', record: false })).offer).toBeUndefined();
    await saveSettings({ spend: { rule: 'never', dailyCap: 5 } });
    engine.invalidate();
    expect(ok(await engine.estimate(TEXT, { where: 'x', record: false, offerable: true })).offer).toBeUndefined();
  });
});
