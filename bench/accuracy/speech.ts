import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** espeak-ng's words per minute at speed 1 for each bench voice. */
export interface BenchVoice {
  name: string;
  espeak: string;
  wordsPerMinute: number;
}

/** Installs espeak-ng and sox from Debian when they are missing (the bench runs as root here and in CI). */
export async function ensureSpeechTools(): Promise<void> {
  const missing = async (tool: string) => run('sh', ['-c', `command -v ${tool}`]).then(() => false, () => true);
  if (!(await missing('espeak-ng')) && !(await missing('sox'))) return;
  console.error('bench: installing espeak-ng and sox (apt-get)…');
  await run('apt-get', ['update'], { maxBuffer: 64 * 1024 * 1024 });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'espeak-ng', 'sox'], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * Renders `text` with espeak-ng at `speed` × the voice's rate, padded with silence of a length fixed
 * by the text's hash (0.2–1.0 s before, 0.3–1.5 s after), as a WAV file cached under `dir`.
 */
export async function render(dir: string, voice: BenchVoice, speed: number, text: string): Promise<string> {
  const hash = createHash('sha256').update(`${voice.espeak}|${voice.wordsPerMinute}|${speed}|${text}`).digest();
  const path = join(dir, `${hash.toString('hex').slice(0, 24)}.wav`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const raw = `${path}.raw.wav`;
  await run('espeak-ng', ['-v', voice.espeak, '-s', String(Math.round(voice.wordsPerMinute * speed)), '-w', raw, text]);
  const before = 0.2 + ((hash[0] ?? 0) / 255) * 0.8;
  const after = 0.3 + ((hash[1] ?? 0) / 255) * 1.2;
  const padded = `${path}.tmp.wav`;
  await run('sox', [raw, padded, 'pad', before.toFixed(3), after.toFixed(3)]);
  await rename(padded, path);
  await run('rm', ['-f', raw]);
  return path;
}
