import type {
  CampaignAudience,
  CampaignView,
  followUpStatuses,
  QuestionKind,
  SurveyPurpose,
  SurveyTheme,
  surveyStatuses,
} from "../../../shared/contracts/surveys.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const questionKindLabels: Record<QuestionKind, MessageKey> = {
  csat: "surveys.kind.csat",
  nps: "surveys.kind.nps",
  likert: "surveys.kind.likert",
  single_choice: "surveys.kind.single_choice",
  multiple_choice: "surveys.kind.multiple_choice",
  text: "surveys.kind.text",
};

export const purposeLabels: Record<SurveyPurpose, MessageKey> = {
  post_service: "surveys.purpose.post_service",
  periodic: "surveys.purpose.periodic",
};

export const statusLabels: Record<(typeof surveyStatuses)[number], MessageKey> = {
  draft: "surveys.status.draft",
  active: "surveys.status.active",
  archived: "surveys.status.archived",
};

export const audienceLabels: Record<CampaignAudience["kind"], MessageKey> = {
  everyone: "surveys.audience.everyone",
  category: "surveys.audience.category",
  service: "surveys.audience.service",
};

export const heldBackLabels: Record<keyof CampaignView["heldBack"], MessageKey> = {
  optedOut: "surveys.heldBack.optedOut",
  recentlySurveyed: "surveys.heldBack.recentlySurveyed",
  unreachable: "surveys.heldBack.unreachable",
};

export const followUpStatusLabels: Record<(typeof followUpStatuses)[number], MessageKey> = {
  open: "surveys.followUp.status.open",
  complaint: "surveys.followUp.status.complaint",
  task: "surveys.followUp.status.task",
  closed: "surveys.followUp.status.closed",
};

/** The themes the server sorts free text into; a code it adds later reads as «أخرى». */
export const themeLabels: Record<SurveyTheme, MessageKey> = {
  waiting: "surveys.theme.waiting",
  staff: "surveys.theme.staff",
  documents: "surveys.theme.documents",
  communication: "surveys.theme.communication",
  support_value: "surveys.theme.support_value",
  other: "surveys.theme.other",
};

export function themeLabel(code: string): MessageKey {
  return (themeLabels as Record<string, MessageKey>)[code] ?? themeLabels.other;
}

/** The words under each point of the two five-point scales, 1 to 5. */
export const csatPointLabels: readonly MessageKey[] = [
  "surveys.csat.1",
  "surveys.csat.2",
  "surveys.csat.3",
  "surveys.csat.4",
  "surveys.csat.5",
];
export const likertPointLabels: readonly MessageKey[] = [
  "surveys.likert.1",
  "surveys.likert.2",
  "surveys.likert.3",
  "surveys.likert.4",
  "surveys.likert.5",
];
