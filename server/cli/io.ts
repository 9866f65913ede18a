export type CliIo = { out: (line: string) => void; err: (line: string) => void };

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
