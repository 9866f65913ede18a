import { loadConfig } from "../../config.js";
import { startSilah } from "../../runtime.js";
import type { CliIo } from "../io.js";

export async function run(_argv: string[], io: CliIo): Promise<number> {
  const running = await startSilah(loadConfig(), io.out);
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  // Keep running until a signal arrives.
  await new Promise(() => {});
  return 0;
}
