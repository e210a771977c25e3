import { useEffect, useState } from 'preact/hooks';
import { readManagedPolicy, watchManagedPolicy, type ManagedPolicy } from '@/lib/settings/managed';

/** The organisation's policy, for showing which fields it sets; follows changes while the page is open. */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    const load = () => void readManagedPolicy().then(setPolicy);
    load();
    return watchManagedPolicy(load);
  }, []);
  return policy;
}

