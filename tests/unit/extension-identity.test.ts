import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, CHROME_PUBLIC_KEY } from '@/lib/extension-identity';

describe('extension identity', () => {
  it('the Chrome id is the one Chrome derives from the manifest key', () => {
    const hex = createHash('sha256').update(Buffer.from(CHROME_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('')).toBe(CHROME_EXTENSION_ID);
  });
});
