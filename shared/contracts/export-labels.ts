import type { AuditEventType } from "./audit.js";
import type { ComplaintCategory } from "./complaints.js";
import type { StaffRole } from "./roles.js";
import type { ServiceKind } from "./services.js";

/**
 * The Arabic words a spreadsheet export writes for coded values (issue 11). The server writes the
 * files, and the server never imports the web's catalogue (web → shared ← server), so the few
 * value names an export needs live here; `web/i18n/export-labels.test.ts` fails when one differs
 * from web/i18n/ar.ts, the source of truth. ADR 0023.
 */

export const requestStateNames: Record<
  | "draft"
  | "incomplete"
  | "complete"
  | "referred"
  | "declared"
  | "in_committee"
  | "accepted"
  | "rejected"
  | "delivering"
  | "closed"
  | "cancelled",
  string
> = {
  draft: "مسودة",
  incomplete: "غير مكتمل",
  complete: "مكتمل",
  referred: "محال إلى الباحث",
  declared: "مُقَرّ",
  in_committee: "لدى اللجنة",
  accepted: "مقبول",
  rejected: "مرفوض",
  delivering: "قيد التسليم",
  closed: "مغلق",
  cancelled: "ملغى",
};
export const complaintStatusNames: Record<"received" | "assigned" | "investigating" | "closed", string> = {
  received: "مستلمة",
  assigned: "مُسندة إلى مختص",
  investigating: "قيد الدراسة",
  closed: "مغلقة",
};
export const complaintOutcomeNames: Record<
  "resolved" | "amicable_settlement" | "rejected" | "referred_to_compensation",
  string
> = {
  resolved: "حُلّت الشكوى",
  amicable_settlement: "تسوية ودية",
  rejected: "رُفضت الشكوى",
  referred_to_compensation: "أُحيلت إلى التعويض",
};
export const complaintCategoryNames: Record<ComplaintCategory, string> = {
  service: "الخدمة المقدَّمة",
  staff_conduct: "تعامل الموظفين",
  delay: "التأخر في الرد",
  data_privacy: "البيانات والخصوصية",
  technical_support: "مشكلة تقنية أو تواصل",
  other: "أخرى",
};
export const claimStatusNames: Record<
  "open" | "negotiating" | "settled" | "approved" | "paid" | "refused",
  string
> = {
  open: "مفتوح",
  negotiating: "قيد التفاوض",
  settled: "تمت التسوية",
  approved: "معتمد",
  paid: "صُرف",
  refused: "مرفوض",
};
export const fieldVisitKindNames: Record<
  "field_survey" | "supervisory_visit" | "branch_representative_visit" | "interview",
  string
> = {
  field_survey: "مسح ميداني",
  supervisory_visit: "زيارة إشرافية",
  branch_representative_visit: "زيارة مندوب فرع",
  interview: "مقابلة",
};
/** The services' kinds (the catalogue's category), as the dashboard's tables and files name them. */
export const serviceKindNames: Record<ServiceKind, string> = {
  financial: "مساعدة مالية",
  in_kind: "مساعدة عينية",
  medical: "دعم طبي",
  housing: "إسكان",
  education: "تعليم",
  membership: "خدمات العضوية",
  other: "أخرى",
};
export const interactionKindNames: Record<"contact" | "inquiry", string> = {
  contact: "تواصل",
  inquiry: "استفسار",
};
export const interactionDirectionNames: Record<"inbound" | "outbound", string> = {
  inbound: "وارد من المستفيد",
  outbound: "صادر من الجمعية",
};
export const roleNames: Record<StaffRole, string> = {
  officer: "موظف علاقات المستفيدين",
  social_researcher: "الباحث الاجتماعي",
  committee_member: "عضو لجنة البحث",
  followup_committee_member: "عضو لجنة المتابعة",
  liaison_officer: "ضابط الاتصال",
  branch_representative: "مندوب المكتب الفرعي",
  manager: "الإدارة العليا",
  hr: "الموارد البشرية",
  board_member: "عضو مجلس الإدارة",
  administrator: "مسؤول النظام",
  platform_operator: "مشغّل المنصة",
};
export const auditTypeNames: Record<AuditEventType, string> = {
  "auth.signed_in": "تسجيل دخول",
  "auth.sign_in_failed": "محاولة دخول فاشلة",
  "auth.account_locked": "إيقاف الحساب مؤقتًا",
  "auth.signed_out": "تسجيل خروج",
  "auth.second_factor_started": "بدء تفعيل التحقق بخطوتين",
  "auth.second_factor_enrolled": "تفعيل التحقق بخطوتين",
  "auth.second_factor_failed": "رمز تحقق خاطئ",
  "auth.recovery_code_used": "استخدام رمز استرداد",
  "auth.second_factor_reset": "إعادة تعيين التحقق بخطوتين",
  "portal.code_requested": "طلب رمز دخول بوابة المستفيد",
  "portal.signed_in": "دخول المستفيد إلى البوابة",
  "portal.sign_in_failed": "رمز دخول خاطئ في بوابة المستفيد",
  "portal.signed_out": "خروج المستفيد من البوابة",
  "user.created": "إنشاء مستخدم",
  "user.roles_changed": "تغيير أدوار مستخدم",
  "user.locale_changed": "تغيير لغة الواجهة",
  "user.deactivated": "تعطيل حساب مستخدم",
  "user.reactivated": "إعادة تفعيل حساب مستخدم",
  "user.password_reset": "إعادة تعيين كلمة مرور مستخدم",
  "user.password_changed": "تغيير كلمة المرور",
  "user.unlocked": "فك إيقاف حساب مستخدم",
  "user.sessions_ended": "إنهاء جلسات مستخدم",
  "association.created": "إنشاء الجمعية",
  "beneficiary.viewed": "الاطلاع على بيانات مستفيد",
  "sensitive.read": "الاطلاع على بيانات حساسة",
  "beneficiary.searched": "البحث عن مستفيد",
  "beneficiary.registered": "تسجيل مستفيد",
  "beneficiary.updated": "تعديل بيانات مستفيد",
  "beneficiary.merged": "دمج ملفين مكررين لمستفيد",
  "beneficiary.consent_recorded": "تسجيل موافقة المستفيد",
  "beneficiary.consent_withdrawn": "سحب موافقة المستفيد",
  "beneficiary.category_created": "إنشاء فئة مستفيدين",
  "beneficiaries.imported": "استيراد مستفيدين",
  "list.exported": "تصدير قائمة إلى ملف",
  "interaction.recorded": "تسجيل تواصل",
  "interaction.answered": "الرد على تواصل",
  "file.uploaded": "رفع ملف",
  "file.downloaded": "فتح ملف",
  "correspondence.registered": "قيد مراسلة في السجل",
  "notification.queued": "إشعار المستفيد",
  "notification.sent": "إرسال إشعار",
  "notification.delivered": "وصول إشعار",
  "notification.failed": "تعذّر إرسال إشعار",
  "notification.retried": "إعادة إرسال إشعار",
  "notification.switched": "تحويل إشعار إلى وسيلة أخرى",
  "notification.done_by_hand": "تنفيذ إشعار يدويًا",
  "complaint.received": "استلام شكوى",
  "complaint.assigned": "إسناد شكوى",
  "complaint.noted": "ملاحظة على شكوى",
  "complaint.directed": "توجيه من الإدارة العليا على شكوى",
  "complaint.closed": "إغلاق شكوى",
  "complaint.deadline_warning": "تنبيه بقرب موعد الرد على شكوى",
  "complaint.escalated": "تصعيد شكوى للإدارة العليا",
  "compensation.opened": "فتح طلب تعويض",
  "compensation.proof_recorded": "تسجيل إثبات الضرر",
  "compensation.round_recorded": "جولة تفاوض",
  "compensation.settled": "اتفاق تسوية",
  "compensation.approved": "اعتماد التعويض",
  "compensation.paid": "صرف التعويض",
  "calendar.day_set": "تحديد يوم في تقويم العمل",
  "calendar.day_cleared": "إلغاء تحديد يوم في تقويم العمل",
  "evidence_pack.requested": "طلب حزمة الأدلة",
  "evidence_pack.generated": "إنشاء حزمة الأدلة",
  "evidence_pack.failed": "تعذّر إنشاء حزمة الأدلة",
  "liaison.route_set": "تعيين ضابط اتصال",
  "field_checklist.saved": "حفظ قائمة تحقق للرقابة الميدانية",
  "field_visit.recorded": "تسجيل زيارة ميدانية",
  "field_action.added": "إضافة إجراء متابعة لزيارة",
  "field_action.done": "إنجاز إجراء متابعة",
  "survey.saved": "حفظ استبانة",
  "survey.status_changed": "تغيير حالة استبانة",
  "survey_settings.updated": "تعديل إعدادات الاستبانات",
  "survey_campaign.created": "إطلاق حملة استبانة",
  "survey.preference_changed": "تغيير الرغبة في الاستبانات",
  "survey_follow_up.created": "متابعة من استبانة بإذن المستفيد",
  "survey_follow_up.complaint_made": "تحويل متابعة استبانة إلى شكوى",
  "survey_follow_up.task_assigned": "إسناد مهمة متابعة استبانة",
  "survey_follow_up.task_done": "إنجاز مهمة متابعة استبانة",
  "survey_follow_up.closed": "إغلاق متابعة استبانة",
  "service.created": "إضافة خدمة",
  "service.updated": "تعديل خدمة",
  "request_settings.updated": "تعديل إعدادات الطلبات",
  "support_request.opened": "فتح طلب دعم",
  "support_request.data_updated": "تحديث بيانات طلب",
  "support_request.document_attached": "إرفاق مستند بطلب",
  "support_request.completed": "اكتمال طلب",
  "support_request.became_incomplete": "عودة طلب إلى النقص",
  "support_request.referred": "إحالة طلب",
  "support_request.study_recorded": "تسجيل بحث اجتماعي أو زيارة",
  "support_request.referral_closed": "إنهاء إحالة",
  "support_request.declaration_started": "بدء الإقرار",
  "support_request.declared": "إقرار المستفيد",
  "support_request.declaration_failed": "تعذّر الإقرار",
  "support_request.scheduled": "عرض طلب على اللجنة",
  "support_request.vote_recorded": "تسجيل صوت عضو لجنة",
  "support_request.accepted": "قبول طلب",
  "support_request.rejected": "رفض طلب",
  "support_request.returned": "إعادة طلب لاستكمال المعلومات",
  "support_request.delivery_recorded": "تسجيل تسليم",
  "support_request.closed": "إغلاق طلب",
  "support_request.cancelled": "إلغاء طلب",
  "support_request.deadline_warning": "تنبيه قرب موعد الرد",
  "support_request.deadline_breached": "تجاوز موعد الرد",
  "committee.created": "إنشاء لجنة",
  "committee.meeting_created": "إنشاء اجتماع لجنة",
  "committee.minutes_generated": "إعداد محضر اجتماع",
  "committee.minutes_approved": "اعتماد محضر اجتماع",
  "committee.conflict_declared": "إفصاح عن تعارض مصالح",
  "policy.draft_created": "إنشاء مسودة السياسة",
  "policy.draft_updated": "تعديل مسودة السياسة",
  "policy.approved": "اعتماد السياسة من مجلس الإدارة",
  "policy.acknowledged": "اطلاع موظف على السياسة وتوقيعه",
  "library.document_added": "إضافة وثيقة إلى المكتبة",
  "library.version_added": "إصدار جديد لوثيقة في المكتبة",
  "committee.attendance_recorded": "تسجيل حضور اجتماع",
  "association.opened_by_operator": "فتح جمعية من مشغّل المنصة",
  "association.suspended": "تعليق الجمعية",
  "association.reactivated": "إعادة تفعيل الجمعية",
  "policy_wording.confirmed": "تأكيد ربط عبارات السياسة بالأدوار واللجان",
  "beneficiary.category_aliases_changed": "تعديل الأسماء الأخرى لفئة مستفيدين",
  "support_request.declaration_lapsed": "سقوط الإقرار بتغيّر البيانات",
};

/** Where a request stands against its response period (the request list's due column). */
export const dueStatusNames: Record<"on_track" | "warning" | "breached" | "met" | "missed", string> = {
  on_track: "ضمن المهلة",
  warning: "يقترب الموعد",
  breached: "متأخر",
  met: "رُدّ في الموعد",
  missed: "رُدّ بعد الموعد",
};

export const complaintSourceNames: Record<"public" | "staff", string> = {
  public: "صفحة الشكاوى العامة",
  staff: "سجّلها موظف",
};

export const correspondenceDirectionNames: Record<"incoming" | "outgoing", string> = {
  incoming: "وارد",
  outgoing: "صادر",
};

export const correspondenceMediumNames: Record<"letter" | "fax" | "email", string> = {
  letter: "خطاب",
  fax: "فاكس",
  email: "بريد إلكتروني",
};
