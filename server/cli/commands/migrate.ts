import { loadConfig } from "../../config.js";
import { openConfiguredDatabase } from "../../runtime.js";
import type { CliIo } from "../io.js";

export async function run(_argv: string[], io: CliIo): Promise<number> {
  const db = await openConfiguredDatabase(loadConfig());
  await db.close();
  io.out(`migrations applied (${db.kind})`);
  return 0;
}
