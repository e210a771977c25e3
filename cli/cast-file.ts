import { readFile } from 'node:fs/promises';
import { parseCast, type Cast } from '../lib/script/cast';
import { InputError } from './errors';

/** A cast file (`{"ANNA": {"voice": "…", "speed": 1.1}, "*": {…}}`), or exit 1 saying what is wrong. */
export async function readCastFile(path: string): Promise<Cast> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the cast ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new InputError(`the cast ${path} is not JSON`);
  }
  const parsed = parseCast(value);
  if (!parsed.ok) throw new InputError(`the cast ${path}: ${parsed.error}`);
  return parsed.cast;
}
