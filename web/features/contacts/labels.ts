import type { z } from "zod";
import type {
  correspondenceDirectionSchema,
  correspondenceMediumSchema,
} from "../../../shared/contracts/contacts.js";
import type { MessageKey } from "../../i18n/i18n.js";

// Declared per value, so a new enum member without words fails the type check.

export const correspondenceDirectionLabels: Record<
  z.infer<typeof correspondenceDirectionSchema>,
  MessageKey
> = {
  incoming: "correspondence.direction.incoming",
  outgoing: "correspondence.direction.outgoing",
};

export const correspondenceMediumLabels: Record<z.infer<typeof correspondenceMediumSchema>, MessageKey> = {
  letter: "correspondence.medium.letter",
  fax: "correspondence.medium.fax",
  email: "correspondence.medium.email",
};
