import { checkEndpoint, DEFAULT_API_BASE_URL } from './endpoint';

/**
 * The host permission pattern to ask for at run time before using `endpoint`; undefined for the
 * default endpoint (the manifest grants it) and for addresses the settings refuse anyway.
 * Match patterns carry no port: permission for the host covers every port on it.
 */
export function endpointPermissionOrigin(endpoint: string): string | undefined {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return undefined;
  const url = new URL(checked.url);
  if (url.origin === new URL(DEFAULT_API_BASE_URL).origin) return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}
