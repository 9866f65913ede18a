import type { FieldVisitKind } from "../../../shared/contracts/fieldwork.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const fieldKindLabels: Record<FieldVisitKind, MessageKey> = {
  field_survey: "field.kind.field_survey",
  supervisory_visit: "field.kind.supervisory_visit",
  branch_representative_visit: "field.kind.branch_representative_visit",
  interview: "field.kind.interview",
};

export const fieldAnswerLabels = {
  met: "field.answer.met",
  not_met: "field.answer.not_met",
  not_applicable: "field.answer.not_applicable",
} as const satisfies Record<string, MessageKey>;

export const fieldStatusLabels = {
  follow_up: "field.status.follow_up",
  closed: "field.status.closed",
} as const satisfies Record<string, MessageKey>;
