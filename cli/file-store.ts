import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the command line keeps its duration cache and calibration between runs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCRIPTMETER_CACHE_DIR) return env.SCRIPTMETER_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'scriptmeter');
}

export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined; // missing or corrupt: start empty
  }
}

/** Write-then-rename, so a crash mid-write never leaves half a file. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeTextFile(path, JSON.stringify(value));
}
