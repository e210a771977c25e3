import { ApiError } from '../lib/sources/errors';
import { parseCommand, USAGE, UsageError } from './args';
import { runBalance } from './balance';
import { CalibrationInputError } from './calibration-store';
import { InputError, runEstimate, type Io } from './estimate';
import { parseLinesCommand, runLines } from './lines';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const io: Io = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: process.stderr,
    stdin: readStdin,
    env: process.env,
  };
  try {
    // Loaded only when asked for: the audio decoders are not needed by estimate or balance.
    if (argv[0] === 'calibrate') return await (await import('./calibrate')).runCalibrate(argv.slice(1), io);
    if (argv[0] === 'calibrations') return await (await import('./calibrate')).runCalibrations(argv.slice(1), io);
    if (argv[0] === 'lines') return await runLines(parseLinesCommand(argv.slice(1)), io);
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    return command.kind === 'balance' ? await runBalance(command, io) : await runEstimate(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`scriptmeter: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const message = error instanceof ApiError || error instanceof InputError || error instanceof CalibrationInputError ? error.message : `unexpected failure: ${String(error)}`;
    process.stderr.write(`scriptmeter: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
