import { describe, expect, it } from 'vitest';
import { endpointPermissionOrigin } from '@/lib/sources/endpoint-permission';

describe('host permission for a custom endpoint', () => {
  it('is not needed for the default endpoint, which the manifest grants', () => {
    expect(endpointPermissionOrigin('https://supertoneapi.com')).toBeUndefined();
    expect(endpointPermissionOrigin('https://supertoneapi.com/')).toBeUndefined();
  });

  it('covers the whole host of a proxy or a local API, whatever the port and path', () => {
    expect(endpointPermissionOrigin('https://tts-proxy.example.com/supertone/')).toBe('https://tts-proxy.example.com/*');
    expect(endpointPermissionOrigin('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(endpointPermissionOrigin('http://localhost:3000/api')).toBe('http://localhost/*');
  });

  it('asks for nothing for an address the settings refuse', () => {
    expect(endpointPermissionOrigin('http://proxy.example.com')).toBeUndefined();
    expect(endpointPermissionOrigin('not a url')).toBeUndefined();
  });
});
