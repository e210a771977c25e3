/** Opaque page tokens: clients must pass them back untouched, so they carry what the server needs and look like nothing. */

export function encodePageToken(scope: string, value: string): string {
  return Buffer.from(`${scope}:${value}`, 'utf8').toString('base64url');
}

/** The value inside a token minted for `scope`, or undefined for anything else. */
export function decodePageToken(scope: string, token: string): string | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  return text.startsWith(`${scope}:`) ? text.slice(scope.length + 1) : undefined;
}
