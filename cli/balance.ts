import { createSources } from '../lib/sources';
import { formatCredits } from '../lib/format';
import { InputError, type Io } from './estimate';

export const EXIT_BELOW = 3;

export async function runBalance(command: { endpoint: string; below?: number; json: boolean }, io: Io): Promise<number> {
  const apiKey = io.env.SUPERTONE_API_KEY?.trim() ?? '';
  if (!apiKey) throw new InputError('SUPERTONE_API_KEY is not set');
  const { balance } = await createSources('supertone', { baseUrl: command.endpoint, apiKey }).account.balance();
  if (balance === null || balance === undefined) throw new InputError('the API returned no balance for this account');
  io.stdout(command.json ? JSON.stringify({ balance }) : `Balance: ${formatCredits(balance)} credits`);
  return command.below !== undefined && balance <= command.below ? EXIT_BELOW : 0;
}
