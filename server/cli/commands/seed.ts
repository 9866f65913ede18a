import { parseArgs } from "node:util";
import { createModules } from "../../app.js";
import { systemClock } from "../../clock.js";
import { loadConfig } from "../../config.js";
import { demoPassword, seedDemo } from "../../db/seed-demo.js";
import { openConfiguredDatabase } from "../../runtime.js";
import type { CliIo } from "../io.js";

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { demo: { type: "boolean" } } });
  if (!values.demo) {
    io.err("usage: silah seed --demo");
    return 2;
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const result = await seedDemo(createModules({ config, db, clock: systemClock }), {
      history: (clock) => createModules({ config, db, clock }),
      now: systemClock.now(),
    });
    io.out(
      result.created
        ? `demo association created; users <role>@demo.silah.sa, password ${demoPassword}`
        : "demo association already present; nothing changed",
    );
    return 0;
  } finally {
    await db.close();
  }
}
