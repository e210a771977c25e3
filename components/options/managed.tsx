import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '@/lib/settings/managed';

/**
 * The organisation's policy, for showing which fields it sets: as the background last read it, so
 * the page never waits for the browser's slow first policy read; follows changes while open. Its
 * parser (zod) is loaded once the sections are on screen, so the fields never wait for it either;
 * a save never depends on it, since the background applies the policy to every save.
 */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    void import('@/lib/settings/policy-cache').then(({ readRememberedPolicy, watchRememberedPolicy }) => {
      if (!live) return;
      void readRememberedPolicy().then((read) => { if (live) setPolicy(read); });
      unwatch = watchRememberedPolicy(setPolicy);
    });
    return () => {
      live = false;
      unwatch?.();
    };
  }, []);
  return policy;
}
