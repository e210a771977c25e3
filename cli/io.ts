/** What a command may touch: output, input and the environment (tests give their own). */
export interface Io {
  stdout: (line: string) => void;
  stderr: { write: (text: string) => void; isTTY?: boolean };
  stdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

/** One subcommand of `scriptmeter`: its usage lines and how it runs (returning the exit code). */
export interface CliCommand {
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
