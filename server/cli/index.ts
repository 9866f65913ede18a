import { ConfigError } from "../config.js";
import { DataDirectoryLockedError } from "../db/data-dir-lock.js";
import { type CliCommand, type CliIo, processIo } from "./io.js";

/** Each command lives in its own file and is loaded only when called, so `calendar` never opens a database. */
const commands: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  start: {
    summary: "run the server (PORT, SILAH_DATA_DIR or DATABASE_URL)",
    load: () => import("./commands/start.js"),
  },
  migrate: { summary: "apply database migrations", load: () => import("./commands/migrate.js") },
  seed: {
    summary: "seed --demo: create the demo association and users",
    load: () => import("./commands/seed.js"),
  },
  user: { summary: "user create: add a staff account", load: () => import("./commands/user.js") },
  operator: {
    summary: "operator create: add a platform operator (opens associations from the web)",
    load: () => import("./commands/operator.js"),
  },
  association: {
    summary: "association create: open a new association",
    load: () => import("./commands/association.js"),
  },
  calendar: {
    summary: "calendar convert|due|holidays: Hijri dates and deadlines",
    load: () => import("./commands/calendar.js"),
  },
  policy: {
    summary: "policy import <FILE> [--json]: read an existing policy (.txt, .docx) into a draft",
    load: () => import("./commands/policy.js"),
  },
  id: {
    summary: "id check <number>: validate a national ID or Iqama",
    load: () => import("./commands/id.js"),
  },
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.err("usage: silah <command> [options]\n");
    for (const [key, value] of Object.entries(commands)) io.err(`  ${key.padEnd(12)} ${value.summary}`);
    return name ? 2 : 0;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 78;
    }
    if (error instanceof DataDirectoryLockedError) {
      io.err(error.explain());
      // EX_TEMPFAIL: the same command succeeds once the server is stopped.
      return 75;
    }
    throw error;
  }
}
