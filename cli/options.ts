import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

/** node:util parseArgs, its complaints as usage errors. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
}

export function numberOption(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number (got "${raw}")`);
  return value;
}

export function oneOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw);
  if (found === undefined) throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${raw}")`);
  return found;
}
