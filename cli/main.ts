import { ApiError } from '../lib/sources/errors';
import { balanceCommand } from './balance';
import { calibrateCommand, calibrationsCommand } from './calibrate';
import { CliError, EXIT, UsageError } from './errors';
import { estimateCommand } from './estimate';
import type { CliCommand, Io } from './io';
import { linesCommand } from './lines';

/** Every subcommand; a new one is a module of its own and a line here. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  estimate: estimateCommand,
  balance: balanceCommand,
  lines: linesCommand,
  calibrate: calibrateCommand,
  calibrations: calibrationsCommand,
};

const USAGE = `Usage:
${Object.values(COMMANDS).map((command) => command.usage).join('\n')}

estimate also takes --cast CAST.json (a voice per speaker), --srt FILE and --vtt FILE (cue sheets),
--narrate-action (Fountain action lines read by the cast's Narrator).

Keys come from SUPERTONE_API_KEY and AUDIOSTACK_API_KEY. Without --source: the vendor whose key is set,
the local model when none is (estimate); both set is a usage error. Exit codes: 0 ok, 1 API or input
error, 2 usage error, 3 balance at or below --below, 4 a line over its slot (lines), 5 the exact figure
would cost more than --max-credits.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const io: Io = { stdout: (line) => process.stdout.write(`${line}\n`), stderr: process.stderr, stdin: readStdin, env: process.env };
  const [name, ...args] = argv;
  try {
    if (name === undefined || ['help', '--help', '-h'].includes(name)) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`scriptmeter: ${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`scriptmeter: ${error instanceof ApiError || error instanceof CliError ? error.message : `unexpected failure: ${String(error)}`}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.failed;
  }
}

process.exitCode = await main(process.argv.slice(2));
