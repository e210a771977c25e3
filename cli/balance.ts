import { formatBalance } from '../lib/format';
import { createSources, VENDOR_NAMES } from '../lib/sources';
import { EXIT, InputError, UsageError } from './errors';
import type { CliCommand, Io } from './io';
import { numberOption, parseOptions } from './options';
import { chooseSource } from './source';

const USAGE = '  scriptmeter balance [--source supertone|audiostack] [--endpoint URL] [--below N] [--json]';

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    source: { type: 'string' }, endpoint: { type: 'string' }, below: { type: 'string' }, json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`balance takes no file (got ${positionals[0]})`);
  const below = values.below === undefined ? undefined : numberOption('--below', values.below);
  const chosen = chooseSource(values, io.env, false);
  if (chosen.source === 'local') throw new UsageError('balance needs a vendor: --source supertone|audiostack');
  const { balance } = await createSources(chosen.source, { baseUrl: chosen.endpoint, apiKey: chosen.apiKey }).account.balance();
  if (balance === undefined) throw new InputError(`${VENDOR_NAMES[chosen.source]}'s answer did not say the balance (no creditsRemaining): unknown, not 0`);
  if (balance === null) throw new InputError('the API returned no balance for this account');
  io.stdout(values.json ? JSON.stringify({ balance }) : `Balance: ${formatBalance(balance)} credits`);
  return below !== undefined && balance <= below ? EXIT.belowThreshold : EXIT.ok;
}

export const balanceCommand: CliCommand = { usage: USAGE, run };
