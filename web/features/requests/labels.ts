import type { RequestState, WorkItem } from "../../../shared/contracts/requests.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const stateLabels: Record<RequestState, MessageKey> = {
  draft: "requests.state.draft",
  incomplete: "requests.state.incomplete",
  complete: "requests.state.complete",
  referred: "requests.state.referred",
  declared: "requests.state.declared",
  in_committee: "requests.state.in_committee",
  accepted: "requests.state.accepted",
  rejected: "requests.state.rejected",
  delivering: "requests.state.delivering",
  closed: "requests.state.closed",
  cancelled: "requests.state.cancelled",
};

export const requirementStatusLabels = {
  present: "requests.requirement.present",
  missing: "requests.requirement.missing",
  expired: "requests.requirement.expired",
  too_old: "requests.requirement.too_old",
  date_missing: "requests.requirement.date_missing",
} as const satisfies Record<string, MessageKey>;

export const outcomeLabels = {
  accept: "requests.outcome.accept",
  reject: "requests.outcome.reject",
  return: "requests.outcome.return",
} as const satisfies Record<string, MessageKey>;

export const deliveryKindLabels = {
  cash: "requests.delivery.kind.cash",
  in_kind: "requests.delivery.kind.in_kind",
  session: "requests.delivery.kind.session",
} as const satisfies Record<string, MessageKey>;

export const declarationMethodLabels = {
  on_screen: "requests.declaration.method.on_screen",
  otp: "requests.declaration.method.otp",
  scanned: "requests.declaration.method.scanned",
} as const satisfies Record<string, MessageKey>;

export const studyKindLabels = {
  social_study: "requests.study.kind.social_study",
  home_visit: "requests.study.kind.home_visit",
} as const satisfies Record<string, MessageKey>;

export const workKindLabels: Record<WorkItem["kind"], MessageKey> = {
  incomplete_request: "work.kind.incomplete_request",
  undeclared_request: "work.kind.undeclared_request",
  manual_notification: "work.kind.manual_notification",
  referral: "work.kind.referral",
  vote: "work.kind.vote",
  deadline_warning: "work.kind.deadline_warning",
  deadline_breach: "work.kind.deadline_breach",
  routed_inquiry: "work.kind.routed_inquiry",
  overdue_inquiry: "work.kind.overdue_inquiry",
  field_action: "work.kind.field_action",
  overdue_field_action: "work.kind.overdue_field_action",
  survey_follow_up: "work.kind.survey_follow_up",
};

/** The stepper's stations; a state sits at the station it has reached. */
export const lifeSteps = [
  { key: "requests.step.opened", states: ["draft", "incomplete", "referred"] },
  { key: "requests.step.complete", states: ["complete"] },
  { key: "requests.step.declared", states: ["declared"] },
  { key: "requests.step.committee", states: ["in_committee"] },
  { key: "requests.step.decided", states: ["accepted", "rejected"] },
  { key: "requests.step.delivering", states: ["delivering"] },
  { key: "requests.step.closed", states: ["closed"] },
] as const satisfies readonly { key: MessageKey; states: readonly RequestState[] }[];

/** States in which the data and documents may still change (requests.machine.ts `editableStates`). */
export const editableStates: readonly RequestState[] = [
  "draft",
  "incomplete",
  "complete",
  "referred",
  "declared",
];
export const referableStates: readonly RequestState[] = ["draft", "incomplete", "complete"];
export const cancellableStates: readonly RequestState[] = [
  "draft",
  "incomplete",
  "complete",
  "referred",
  "declared",
];
export const deliverableStates: readonly RequestState[] = ["accepted", "delivering"];
