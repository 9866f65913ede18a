import { parseArgs } from "node:util";
import { associationRoleSchema } from "../../../shared/contracts/roles.js";
import { createUserRequestSchema } from "../../../shared/contracts/users.js";
import { createModules } from "../../app.js";
import { systemClock } from "../../clock.js";
import { loadConfig } from "../../config.js";
import { isAppError } from "../../http/errors.js";
import { openConfiguredDatabase } from "../../runtime.js";
import type { CliIo } from "../io.js";

const usage = `usage: silah user create --association <slug> --email <e-mail> --name <full name> --roles <role,role> --password <password>
roles: ${associationRoleSchema.options.join(", ")}`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "create") {
    io.err(usage);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      association: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      roles: { type: "string" },
      password: { type: "string" },
      locale: { type: "string", default: "ar" },
    },
  });
  const input = createUserRequestSchema.safeParse({
    email: values.email,
    fullName: values.name,
    roles: values.roles?.split(",").map((r) => r.trim()),
    password: values.password,
    locale: values.locale,
  });
  if (!values.association || !input.success) {
    for (const issue of input.error?.issues ?? []) io.err(`${issue.path.join(".")}: ${issue.message}`);
    if (!values.association) io.err("association: required");
    io.err(usage);
    return 2;
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const modules = createModules({ config, db, clock: systemClock });
    const association = await modules.associations.service.findBySlug(values.association);
    if (!association) {
      io.err(`no association with slug "${values.association}"`);
      return 1;
    }
    const user = await modules.users.service.createBySystem(association.id, input.data);
    io.out(`user created: ${user.email} (${user.roles.join(", ")}) id ${user.id}`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.err(`${error.code}: ${error.message}`);
      // The same words the page shows beside the field (a guessable password says why).
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
