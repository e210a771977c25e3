import { DEFAULT_ENDPOINTS } from '../lib/sources';
import { checkEndpoint } from '../lib/sources/endpoint';
import { SOURCE_CHOICES, VENDOR_IDS, type SourceChoice, type VendorId } from '../lib/sources/types';
import { InputError, UsageError } from './errors';
import { oneOf } from './options';

/** Where each vendor's key comes from. */
export const KEY_ENV: Readonly<Record<VendorId, string>> = { supertone: 'SUPERTONE_API_KEY', audiostack: 'AUDIOSTACK_API_KEY' };

export type Chosen = { source: 'local'; chosen: boolean } | { source: VendorId; apiKey: string; endpoint: string };

/**
 * The source a command uses: `--source` if given; else the vendor whose key is set; the local model
 * when none is (where `local` is allowed); both keys set without `--source` is a usage error (exit 2):
 * guessing could spend the wrong account's credits.
 */
export function chooseSource(flags: { source?: string; endpoint?: string }, env: NodeJS.ProcessEnv, allowLocal: boolean): Chosen {
  const keyOf = (vendor: VendorId) => env[KEY_ENV[vendor]]?.trim() ?? '';
  const endpoint = flags.endpoint === undefined ? undefined : checkEndpoint(flags.endpoint);
  if (endpoint && !endpoint.ok) throw new UsageError(`--endpoint: ${endpoint.error}`);
  const allowed: readonly SourceChoice[] = allowLocal ? SOURCE_CHOICES : VENDOR_IDS;
  let source: SourceChoice;
  if (flags.source !== undefined) {
    source = oneOf('--source', flags.source, allowed);
  } else {
    const withKeys = VENDOR_IDS.filter((vendor) => keyOf(vendor) !== '');
    if (withKeys.length > 1) throw new UsageError(`${withKeys.map((v) => KEY_ENV[v]).join(' and ')} are both set: choose one with --source ${VENDOR_IDS.join('|')}`);
    const only = withKeys[0];
    if (only === undefined && !allowLocal) throw new InputError(`no API key: set ${VENDOR_IDS.map((v) => KEY_ENV[v]).join(' or ')}`);
    source = only ?? 'local';
  }
  if (source === 'local') {
    if (flags.source === 'local' && flags.endpoint !== undefined) throw new UsageError('--endpoint is for a vendor, not --source local');
    return { source, chosen: flags.source === 'local' };
  }
  const apiKey = keyOf(source);
  if (!apiKey) throw new InputError(`${KEY_ENV[source]} is not set (needed for --source ${source})`);
  return { source, apiKey, endpoint: endpoint?.url ?? DEFAULT_ENDPOINTS[source] };
}
