import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '@/lib/settings/managed';
import { readRememberedPolicy, watchRememberedPolicy } from '@/lib/settings/policy-cache';

/**
 * The organisation's policy, for showing which fields it sets: as the background last read it, so
 * the page never waits for the browser's slow first policy read; follows changes while open.
 */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    void readRememberedPolicy().then(setPolicy);
    return watchRememberedPolicy(setPolicy);
  }, []);
  return policy;
}
