import type {
  FollowUpView,
  Question,
  SurveySummary,
  SurveyView,
  Wording,
} from "../../../shared/contracts/surveys.js";
import type { FollowUpWithNames } from "./follow-ups.service.js";
import type { SurveyRow } from "./surveys.repository.js";
import type { SurveyWithVersions } from "./surveys.service.js";

export function presentSurveySummary(
  row: SurveyRow & { invitations: number; answers: number },
): SurveySummary {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose as SurveySummary["purpose"],
    status: row.status as SurveySummary["status"],
    currentVersion: row.currentVersion,
    invitations: row.invitations,
    answers: row.answers,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSurvey(row: SurveyWithVersions): SurveyView {
  const current = row.versions.find((v) => v.version === row.currentVersion)!;
  return {
    ...presentSurveySummary(row),
    current: {
      version: current.version,
      intro: (current.intro as Wording | null) ?? null,
      questions: current.questions as Question[],
      createdAt: current.createdAt.toISOString(),
      answers: current.answers,
    },
    history: row.versions
      .filter((v) => v.version !== row.currentVersion)
      .map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), answers: v.answers })),
  };
}

export function presentFollowUp(row: FollowUpWithNames): FollowUpView {
  return {
    id: row.id,
    survey: { id: row.surveyId, name: row.surveyName },
    beneficiary:
      row.beneficiaryName !== null ? { id: row.beneficiaryId, fullName: row.beneficiaryName } : null,
    lowestScore:
      row.lowestKind && row.lowestValue !== null
        ? { kind: row.lowestKind as Question["kind"], value: row.lowestValue }
        : null,
    text: row.text,
    status: row.status as FollowUpView["status"],
    complaintId: row.complaintId,
    task:
      row.taskOwnerId && row.taskDueDate
        ? {
            owner: { id: row.taskOwnerId, fullName: row.ownerName ?? "" },
            dueDate: row.taskDueDate,
            doneAt: row.taskDoneAt?.toISOString() ?? null,
          }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}
