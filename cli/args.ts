import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINTS } from '../lib/sources';
import { checkEndpoint } from '../lib/sources/endpoint';
import { languageSchema, LANGUAGES } from '../lib/sources/languages';
import { MODELS, modelSchema } from '../lib/sources/supertone';
import { SPEED_MAX, SPEED_MIN, type VoiceProfile } from '../lib/sources/types';

export class UsageError extends Error {}

export const USAGE = `Usage:
  scriptmeter estimate [FILE|-] --voice ID --language CODE [--model M] [--style S] [--speed X]
                       [--endpoint URL] [--no-cache] [--json]
  scriptmeter balance [--endpoint URL] [--below N] [--json]
  scriptmeter calibrate --voice ID --language CODE [--source S] [--model M] [--style S] [--speed X]
                        [--json] DIR|FILE…
  scriptmeter calibrations list [--json]
  scriptmeter calibrations export [FILE|-] [--voice ID] [--language CODE]
  scriptmeter calibrations import FILE…
  scriptmeter lines SHEET.csv|SHEET.tsv --text-column NAME [--speaker-column NAME] [--voice-column NAME]
                    [--max-seconds-column NAME | --max-seconds N] [--cast CAST.json] [--out RESULT.csv] [--json]
                    [voice flags as for estimate]

estimate also takes --cast CAST.json (a voice per speaker), --srt FILE and --vtt FILE (cue sheets),
--narrate-action (Fountain action lines read by the cast's Narrator).

The API key comes from SUPERTONE_API_KEY. Without it, estimate gives a local approximation
and makes no call. Exit codes: 0 ok, 1 API or input error, 2 usage error, 3 balance at or below --below,
4 a line over its slot (lines).`;

export type Command =
  | { kind: 'estimate'; file: string; voice: VoiceProfile; endpoint: string; cache: boolean; json: boolean; script: ScriptFlags }
  | { kind: 'balance'; endpoint: string; below?: number; json: boolean }
  | { kind: 'help' };

/** `estimate`'s dialogue flags: a cast file and cue sheets to write. */
export interface ScriptFlags {
  cast?: string;
  srt?: string;
  vtt?: string;
  /** Fountain action lines are read by the cast's Narrator. */
  narrateAction?: boolean;
}

export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  const { values, positionals } = parse(rest);
  const endpoint = checkEndpoint(values.endpoint ?? DEFAULT_ENDPOINTS.supertone);
  if (!endpoint.ok) throw new UsageError(`--endpoint: ${endpoint.error}`);
  const json = values.json ?? false;
  if (command === 'balance') {
    if (positionals.length > 0) throw new UsageError(`balance takes no file (got ${positionals[0]})`);
    return { kind: 'balance', endpoint: endpoint.url, below: values.below === undefined ? undefined : number('--below', values.below), json };
  }
  if (command !== 'estimate') throw new UsageError(`unknown command "${command}"`);
  if (positionals.length > 1) throw new UsageError('estimate takes one file (or - for standard input)');
  return {
    kind: 'estimate',
    file: positionals[0] ?? '-',
    endpoint: endpoint.url,
    cache: !(values['no-cache'] ?? false),
    json,
    voice: voiceFromFlags(values),
    script: { cast: values.cast, srt: values.srt, vtt: values.vtt, narrateAction: values['narrate-action'] },
  };
}

/** The voice the flags describe (also `lines`' voice flags). */
export function voiceFromFlags(values: { voice?: string; language?: string; model?: string; style?: string; speed?: string }): VoiceProfile {
  return {
    source: 'supertone',
    voiceId: values.voice ?? '',
    language: oneOf('--language', values.language ?? 'en', languageSchema, LANGUAGES),
    model: oneOf('--model', values.model ?? 'sona_speech_1', modelSchema, MODELS),
    style: values.style,
    speed: speed(values.speed),
  };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        voice: { type: 'string' }, language: { type: 'string' }, model: { type: 'string' }, style: { type: 'string' },
        speed: { type: 'string' }, endpoint: { type: 'string' }, below: { type: 'string' },
        'no-cache': { type: 'boolean' }, json: { type: 'boolean' },
        cast: { type: 'string' }, srt: { type: 'string' }, vtt: { type: 'string' }, 'narrate-action': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
}

export function number(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number (got "${raw}")`);
  return value;
}

function speed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const value = number('--speed', raw);
  if (value < SPEED_MIN || value > SPEED_MAX) throw new UsageError(`--speed must be between ${SPEED_MIN} and ${SPEED_MAX} (got ${raw})`);
  return value;
}

function oneOf<T extends string>(flag: string, raw: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, allowed: readonly string[]): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success || parsed.data === undefined) throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${raw}")`);
  return parsed.data;
}
