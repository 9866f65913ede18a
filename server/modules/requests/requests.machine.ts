import type { RequestState } from "../../../shared/contracts/requests.js";

/**
 * A support request's life as data (SPEC H3–H8). Completeness is judged by the service and fed in
 * as `became_complete` / `became_incomplete`; everything else is a person's act.
 */
export const requestEvents = [
  "became_complete",
  "became_incomplete",
  "refer",
  "referral_closed_complete",
  "referral_closed_incomplete",
  "declare",
  "declaration_lapsed",
  "schedule",
  "accept",
  "reject",
  "return",
  "deliver",
  "close",
  "cancel",
] as const;
export type RequestEvent = (typeof requestEvents)[number];

const beforeCommittee = ["draft", "incomplete", "complete", "referred", "declared"] as const;

/** From each state, the events it accepts and where each leads. Nothing else is allowed. */
export const transitions: Readonly<Record<RequestState, Partial<Record<RequestEvent, RequestState>>>> = {
  draft: {
    became_complete: "complete",
    became_incomplete: "incomplete",
    refer: "referred",
    cancel: "cancelled",
  },
  incomplete: { became_complete: "complete", refer: "referred", cancel: "cancelled" },
  complete: { became_incomplete: "incomplete", refer: "referred", declare: "declared", cancel: "cancelled" },
  referred: {
    referral_closed_complete: "complete",
    referral_closed_incomplete: "incomplete",
    cancel: "cancelled",
  },
  // A change after the declaration sends the request back: to incomplete when it breaks
  // completeness, otherwise to complete, where the beneficiary declares the new data (H5).
  declared: {
    became_incomplete: "incomplete",
    declaration_lapsed: "complete",
    schedule: "in_committee",
    cancel: "cancelled",
  },
  in_committee: { accept: "accepted", reject: "rejected", return: "incomplete" },
  accepted: { deliver: "delivering", close: "closed" },
  delivering: { deliver: "delivering", close: "closed" },
  rejected: {},
  closed: {},
  cancelled: {},
};

export const terminalStates: readonly RequestState[] = ["rejected", "closed", "cancelled"];

/** States before the committee's decision: what the service asks and whom it serves still bear on them. */
export const undecidedStates: readonly RequestState[] = [...beforeCommittee, "in_committee"];

/** States in which the beneficiary's data and documents may still change. */
export const editableStates: readonly RequestState[] = beforeCommittee;

export type Refusal = {
  ok: false;
  code: "invalid_transition";
  from: RequestState;
  event: RequestEvent;
  message: { ar: string; en: string };
};

const stateNames: Record<RequestState, { ar: string; en: string }> = {
  draft: { ar: "مسودة", en: "draft" },
  incomplete: { ar: "غير مكتمل", en: "incomplete" },
  complete: { ar: "مكتمل", en: "complete" },
  referred: { ar: "محال إلى الباحث", en: "referred" },
  declared: { ar: "مُقَرّ", en: "declared" },
  in_committee: { ar: "لدى اللجنة", en: "in committee" },
  accepted: { ar: "مقبول", en: "accepted" },
  rejected: { ar: "مرفوض", en: "rejected" },
  delivering: { ar: "قيد التسليم", en: "being delivered" },
  closed: { ar: "مغلق", en: "closed" },
  cancelled: { ar: "ملغى", en: "cancelled" },
};

const eventNames: Record<RequestEvent, { ar: string; en: string }> = {
  became_complete: { ar: "اكتمال الطلب", en: "completion" },
  became_incomplete: { ar: "عودة الطلب إلى النقص", en: "becoming incomplete" },
  refer: { ar: "الإحالة", en: "referral" },
  referral_closed_complete: { ar: "إنهاء الإحالة", en: "closing the referral" },
  referral_closed_incomplete: { ar: "إنهاء الإحالة", en: "closing the referral" },
  declare: { ar: "الإقرار", en: "declaration" },
  declaration_lapsed: { ar: "سقوط الإقرار بتغيّر البيانات", en: "the declaration lapsing" },
  schedule: { ar: "العرض على اللجنة", en: "scheduling for the committee" },
  accept: { ar: "القبول", en: "acceptance" },
  reject: { ar: "الرفض", en: "rejection" },
  return: { ar: "الإعادة لاستكمال المعلومات", en: "return for more information" },
  deliver: { ar: "تسليم الخدمة", en: "delivery" },
  close: { ar: "الإغلاق", en: "closing" },
  cancel: { ar: "الإلغاء", en: "cancellation" },
};

export function stateName(state: RequestState): { ar: string; en: string } {
  return stateNames[state];
}

/** The state an event leads to, or a refusal that says, in Arabic first, why it cannot happen. */
export function nextState(state: RequestState, event: RequestEvent): RequestState | Refusal {
  const to = transitions[state][event];
  if (to) return to;
  return {
    ok: false,
    code: "invalid_transition",
    from: state,
    event,
    message: {
      ar: `لا يمكن ${eventNames[event].ar} والطلب في حالة «${stateNames[state].ar}».`,
      en: `The request cannot go through ${eventNames[event].en} while it is ${stateNames[state].en}.`,
    },
  };
}

export function isRefusal(value: RequestState | Refusal): value is Refusal {
  return typeof value === "object";
}
