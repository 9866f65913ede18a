import type { NotificationChannel } from "../../../shared/contracts/channels.js";
import type {
  PortalMe,
  PortalNoticeList,
  PortalRequestSummary,
  PortalRequestView,
} from "../../../shared/contracts/portal.js";
import type { RequestState } from "../../../shared/contracts/requests.js";
import type { AssociationRow } from "../associations/index.js";
import type { RequestDetail } from "../requests/index.js";
import type { PortalScope } from "./portal.policy.js";
import type { PortalActor } from "./portal.service.js";

/** Each state as the person reads it: where the request is, in plain words (not the staff's terms). */
const stateWords: Record<RequestState, string> = {
  draft: "قيد الإعداد لدى الجمعية",
  incomplete: "ينتظر منك بيانات أو مستندات",
  complete: "مكتمل وينتظر إقرارك بصحة البيانات",
  referred: "لدى الباحث الاجتماعي للدراسة",
  declared: "مكتمل وينتظر عرضه على اللجنة",
  in_committee: "معروض على اللجنة",
  accepted: "قُبل طلبك",
  rejected: "اعتذرت اللجنة عن قبول الطلب",
  delivering: "قُبل ويجري التسليم",
  closed: "اكتمل وأُغلق",
  cancelled: "أُلغي الطلب",
};

const outcomeWords = {
  accept: "قبول",
  reject: "اعتذار عن القبول",
  return: "إعادة لاستكمال المعلومات",
} as const;

const waitsOnPerson: readonly RequestState[] = ["draft", "incomplete", "complete"];

/** What the request waits for from the person: each missing or outdated requirement, or their declaration. */
function awaitedOf(detail: RequestDetail): PortalRequestSummary["awaited"] {
  const state = detail.row.state as RequestState;
  if (!waitsOnPerson.includes(state)) return [];
  const missing = detail.completeness.items
    .filter((item) => item.required && item.status !== "present")
    .map((item) => ({ label: item.label.ar, detail: item.message?.ar ?? null }));
  if (missing.length > 0) return missing;
  if (state === "complete" && !detail.declaration?.covering) {
    return [
      {
        label: "إقرارك بصحة البيانات",
        detail: "تواصل مع الجمعية لتوقيع الإقرار؛ يصلك رمز للتوقيع على وسيلة التواصل المسجلة.",
      },
    ];
  }
  return [];
}

function summaryOf(detail: RequestDetail, scope: PortalScope): PortalRequestSummary {
  const { row } = detail;
  const owner = scope.files.find((f) => f.id === row.beneficiaryId);
  const decided = row.decision && row.decidedAt;
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    serviceName: row.serviceNameAr,
    forName: owner?.fullName ?? row.beneficiaryName,
    forSelf: owner?.self ?? false,
    state: row.state as RequestState,
    stateAr: stateWords[row.state as RequestState],
    openedAt: row.openedAt.toISOString(),
    awaited: awaitedOf(detail),
    due: detail.due,
    decision: decided
      ? {
          outcome: row.decision as keyof typeof outcomeWords,
          outcomeAr: outcomeWords[row.decision as keyof typeof outcomeWords],
          reasons: row.decisionReasons ?? "",
          approvedAmount: row.approvedAmount,
          decidedAt: row.decidedAt!.toISOString(),
        }
      : null,
    cancellation:
      row.state === "cancelled" && row.closedAt
        ? { reason: row.cancelReason ?? "", at: row.closedAt.toISOString() }
        : null,
  };
}

export function presentPortalRequests(items: RequestDetail[], scope: PortalScope) {
  return { items: items.map((detail) => summaryOf(detail, scope)) };
}

/** The request as the person sees it: no staff names, no study, no files — what is theirs to know. */
export function presentPortalRequest(detail: RequestDetail, scope: PortalScope): PortalRequestView {
  return {
    ...summaryOf(detail, scope),
    requirements: detail.completeness.items.map((item) => ({
      label: item.label.ar,
      kind: item.kind,
      required: item.required,
      present: item.status === "present",
      detail: item.status === "present" ? null : (item.message?.ar ?? null),
    })),
    deliveredAmount: detail.row.deliveredAmount,
  };
}

export function presentPortalMe(
  actor: PortalActor,
  found: {
    association: AssociationRow;
    person: { fullName: string; fileNumber: number };
    household: {
      member: { id: string; fullName: string; relation: string };
      fileId: string | null;
    }[];
  },
): PortalMe {
  return {
    association: { slug: found.association.slug, nameAr: found.association.nameAr },
    person: { fullName: found.person.fullName, fileNumber: found.person.fileNumber },
    household: found.household.map(({ member, fileId }) => ({
      id: member.id,
      fullName: member.fullName,
      relation: member.relation as PortalMe["household"][number]["relation"],
      hasOwnFile: fileId !== null,
    })),
    csrfToken: actor.csrfToken,
    expiresAt: actor.expiresAt.toISOString(),
  };
}

export function presentPortalNotices(
  rows: {
    id: string;
    channel: string;
    subject: string | null;
    body: string;
    sentAt: Date | null;
    createdAt: Date;
  }[],
): PortalNoticeList {
  return {
    items: rows.map((row) => ({
      id: row.id,
      channel: row.channel as NotificationChannel,
      subject: row.subject,
      body: row.body,
      at: (row.sentAt ?? row.createdAt).toISOString(),
    })),
  };
}
