import { checkEndpoint } from './endpoint';
import { DEFAULT_ENDPOINTS } from './defaults';

/** Hosts the manifest grants at install: the vendors' own endpoints. */
export const MANIFEST_API_HOSTS = Object.values(DEFAULT_ENDPOINTS).map((url) => `${new URL(url).origin}/*`);

/**
 * The host permission pattern to ask for at run time before using `endpoint`; undefined for a
 * vendor's default endpoint (the manifest grants it) and for addresses the settings refuse anyway.
 * Match patterns carry no port: permission for the host covers every port on it.
 */
export function endpointPermissionOrigin(endpoint: string): string | undefined {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return undefined;
  const url = new URL(checked.url);
  if (Object.values(DEFAULT_ENDPOINTS).some((fallback) => new URL(fallback).origin === url.origin)) return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}
