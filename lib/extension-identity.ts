/**
 * ScriptMeter's identity in each browser, fixed so that Google Docs' annotated-canvas flag, an
 * organisation's policy and every unpacked build name the same extension.
 *
 * Chrome derives an extension's id from the public key in the manifest's `key`: the first 128 bits
 * of SHA-256 of the DER key, digits spelled a–p. A store build keeps this id only when this key is
 * the store item's own (Developer Dashboard → Package → View public key): replace both constants
 * together (`tests/unit/extension-identity.test.ts` checks they agree).
 */
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwHoBwpB6D+E1M2LrRMIXTeJKhi75EmY0NUi38zwSDfimZ9XYJFzdC6hqh240dcFLXq3IjIkqSKqPy0/KbKm8DQ8WVtdHJkVxxFK4cMn9WbOQeH0PnW+iyL+5+X5T1DIXj/3jb4Vs8rmj6I2E8kcxULuMK1FS5BzFs56cD1DXU742GTdOn8QzoGomcj9XDv4AeCRSKWEwxq7voVyUYXvhfowmJy4qj6tfcrcA6GeLTEJ4hrUYdEXTU00BQUZ+fN4YSCcDrXNvtti/OWBmlmHRumR+yddWSEEdgTZQ/tqzlASTMVpki7dzkjnh2/1AO9gzpnz0ht0/RB0l3UdpuGhGLwIDAQAB';
export const CHROME_EXTENSION_ID = 'jfdkedobhhigdjoanfkjdpfanfikkfei';

/** Firefox: fixed so it keeps storage across reinstalls, reads its policy, and tests can pin the UUID. */
export const GECKO_ID = 'scriptmeter@scriptmeter.dev';
