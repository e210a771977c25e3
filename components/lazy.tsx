import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched after the page's first render: parts below the fold (and their
 * libraries) stay out of what a first open must parse before the page is usable.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const component = loadOnce(load);
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      let live = true;
      void component.load().then((loaded) => { if (live) setLoaded(() => loaded); });
      return () => { live = false; };
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}

/** Something fetched on first use and then shared by every use. */
export interface LoadOnce<M> {
  /** Loads it once (again after a failed load) and resolves with it. */
  load(): Promise<M>;
  /** It, once it has loaded, for a click that must not wait before asking for a permission. */
  loaded(): M | undefined;
}

export function loadOnce<M>(load: () => Promise<M>): LoadOnce<M> {
  let value: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () => (loading ??= load().then(
      (loadedValue) => (value = loadedValue),
      (error: unknown) => { loading = undefined; throw error; },
    )),
    loaded: () => value,
  };
}
