import { parseArgs } from "node:util";
import { createAssociationInputSchema } from "../../../shared/contracts/associations.js";
import { createModules } from "../../app.js";
import { systemClock } from "../../clock.js";
import { loadConfig } from "../../config.js";
import { isAppError } from "../../http/errors.js";
import { openConfiguredDatabase } from "../../runtime.js";
import type { CliIo } from "../io.js";

const usage =
  "usage: silah association create --slug <slug> --name <Arabic name> [--name-en <name>] [--license <number>]";

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "create") {
    io.err(usage);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      "name-en": { type: "string" },
      license: { type: "string" },
    },
  });
  const input = createAssociationInputSchema.safeParse({
    slug: values.slug,
    nameAr: values.name,
    nameEn: values["name-en"],
    licenseNumber: values.license,
  });
  if (!input.success) {
    for (const issue of input.error.issues) io.err(`${issue.path.join(".")}: ${issue.message}`);
    io.err(usage);
    return 2;
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const association = await createModules({
      config,
      db,
      clock: systemClock,
    }).associations.service.createBySystem(input.data);
    io.out(`association created: ${association.slug} id ${association.id}`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.err(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
