import { storage } from 'wxt/utils/storage';
import { parseManagedPolicy, readManagedPolicy, watchManagedPolicy, type ManagedPolicy } from './managed';

/**
 * The organisation's policy without waiting for it. The first `storage.managed.get()` in a fresh
 * Chromium profile takes about 2.7 s (the policy service starting); settings must not wait that
 * long. So the background reads the policy once, off the path of any answer, and meanwhile uses
 * the policy it last saw (remembered in storage.local, checked again on read); when the read
 * lands, or the administrator changes the policy, it applies the new one and says so.
 */
const rememberedItem = storage.defineItem<unknown>('local:managedPolicy', { fallback: {} });

const same = (a: ManagedPolicy, b: ManagedPolicy) => JSON.stringify(a) === JSON.stringify(b);

/** The policy last seen by the background, for extension pages (they never read the slow source themselves). */
export async function readRememberedPolicy(): Promise<ManagedPolicy> {
  return parseManagedPolicy(await rememberedItem.getValue().catch(() => ({}))).policy;
}

export function watchRememberedPolicy(onChange: (policy: ManagedPolicy) => void): () => void {
  return rememberedItem.watch((raw) => onChange(parseManagedPolicy(raw).policy));
}

export interface PolicyCache {
  /** The policy in effect now: the live one once read, until then the remembered one. Never waits for the live read. */
  current(): Promise<ManagedPolicy>;
  /** Called when the policy in effect changes (the live read landed with another policy, or the administrator changed it). */
  watch(onChange: () => void): () => void;
}

export function createPolicyCache(readLive: () => Promise<ManagedPolicy> = readManagedPolicy): PolicyCache {
  let live: ManagedPolicy | undefined;
  let remembered: Promise<ManagedPolicy> | undefined;
  let started = false;
  const listeners = new Set<() => void>();
  const inEffect = (): Promise<ManagedPolicy> => (live ? Promise.resolve(live) : (remembered ??= readRememberedPolicy()));

  const refresh = () => void readLive().then(async (policy) => {
    const before = await inEffect();
    live = policy;
    if (same(before, policy)) return;
    await rememberedItem.setValue(policy).catch(() => undefined); // a full storage keeps the old one: read again next start
    listeners.forEach((listener) => listener());
  }, () => undefined);

  return {
    current() {
      if (!started) {
        started = true;
        refresh();
        watchManagedPolicy(refresh);
      }
      return inEffect();
    },
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
