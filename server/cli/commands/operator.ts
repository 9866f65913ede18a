import { parseArgs } from "node:util";
import { createUserRequestSchema } from "../../../shared/contracts/users.js";
import { createModules } from "../../app.js";
import { systemClock } from "../../clock.js";
import { loadConfig } from "../../config.js";
import { isAppError } from "../../http/errors.js";
import { openConfiguredDatabase } from "../../runtime.js";
import type { CliIo } from "../io.js";

const usage = "usage: silah operator create --email <e-mail> --name <full name> --password <password>";

/**
 * The first platform operator (ADR 0024): an account of the platform's own association, which this
 * creates on first use. From then on the operator opens associations from the page «الجمعيات».
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "create") {
    io.err(usage);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      locale: { type: "string", default: "ar" },
    },
  });
  const input = createUserRequestSchema.omit({ roles: true }).safeParse({
    email: values.email,
    fullName: values.name,
    password: values.password,
    locale: values.locale,
  });
  if (!input.success) {
    for (const issue of input.error.issues) io.err(`${issue.path.join(".")}: ${issue.message}`);
    io.err(usage);
    return 2;
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const operator = await createModules({
      config,
      db,
      clock: systemClock,
    }).platform.service.createOperatorBySystem(input.data);
    io.out(`platform operator created: ${operator.email} id ${operator.id}`);
    io.out("two-step verification is enrolled at the first sign-in");
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.err(`${error.code}: ${error.message}`);
      for (const field of error.details.fieldErrors ?? []) {
        io.err(`${field.path} (${field.code}): ${field.message.ar} — ${field.message.en}`);
      }
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
