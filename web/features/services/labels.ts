import type { ServiceKind } from "../../../shared/contracts/services.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const serviceKindLabels: Record<ServiceKind, MessageKey> = {
  financial: "services.kind.financial",
  in_kind: "services.kind.in_kind",
  medical: "services.kind.medical",
  housing: "services.kind.housing",
  education: "services.kind.education",
  membership: "services.kind.membership",
  other: "services.kind.other",
};
