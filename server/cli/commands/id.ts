import { validateNationalId } from "../../../shared/domain/index.js";
import type { CliIo } from "../io.js";

const usage = "usage: silah id check <national ID or Iqama number>";

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "check" || rest.length === 0) {
    io.err(usage);
    return 2;
  }
  // Tolerate the number split by spaces on the command line: `id check 1 234 567 890`.
  const result = validateNationalId(rest.join(" "));
  if (result.ok) {
    io.out(`valid (${result.kind})`);
    return 0;
  }
  io.out(`invalid: ${result.message.en} — ${result.message.ar}`);
  return 1;
}
