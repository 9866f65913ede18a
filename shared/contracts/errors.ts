import { z } from "zod";

/**
 * Stable error codes. The server maps each to an HTTP status (server/http/errors.ts) and the
 * shared catalogue below gives the words a person reads, Arabic first.
 */
export const errorCodes = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "account_locked",
  "too_many_attempts",
  "session_expired",
  "invalid_second_factor",
  "second_factor_enrolment_required",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "possible_duplicates",
  "beneficiary_merged",
  "consent_withdrawn",
  "payload_too_large",
  "uri_too_long",
  "unsupported_file",
  "invalid_transition",
  "conflict_of_interest",
  "exceeds_approval",
  "pdf_unavailable",
  "archive_bomb",
  "unsafe_file",
  "file_too_complex",
  "busy",
  "policy_acknowledgement_required",
  "password_change_required",
  "own_account",
  "last_administrator",
  "export_too_large",
  "association_suspended",
  "internal_error",
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const localizedTextSchema = z.object({ ar: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const errorMessages: Record<ErrorCode, LocalizedText> = {
  validation_failed: { ar: "بعض البيانات المدخلة غير صحيحة.", en: "Some of the data entered is not valid." },
  unauthenticated: { ar: "يلزم تسجيل الدخول.", en: "Please sign in." },
  invalid_credentials: {
    ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    en: "The e-mail or password is not correct.",
  },
  account_locked: {
    ar: "أُوقف الحساب مؤقتًا بعد محاولات دخول خاطئة متكررة. حاول لاحقًا.",
    en: "The account is locked for a while after repeated failed sign-ins. Try again later.",
  },
  too_many_attempts: {
    ar: "محاولات كثيرة في وقت قصير. انتظر قليلًا ثم أعد المحاولة.",
    en: "Too many attempts in a short time. Wait a little and try again.",
  },
  session_expired: {
    ar: "انتهت الجلسة. سجّل الدخول من جديد.",
    en: "Your session has ended. Please sign in again.",
  },
  invalid_second_factor: {
    ar: "رمز التحقق غير صحيح أو استُخدم من قبل. أدخل الرمز الحالي من التطبيق أو رمز استرداد.",
    en: "The code is wrong or was already used. Enter the current code from the app or a recovery code.",
  },
  second_factor_enrolment_required: {
    ar: "يلزم تفعيل التحقق بخطوتين لحسابك قبل المتابعة.",
    en: "Turn on two-step verification for your account before continuing.",
  },
  csrf_failed: {
    ar: "تعذّر التحقق من مصدر الطلب. حدّث الصفحة وأعد المحاولة.",
    en: "The request could not be verified. Reload the page and try again.",
  },
  forbidden: { ar: "لا تملك صلاحية هذا الإجراء.", en: "You are not allowed to do this." },
  policy_acknowledgement_required: {
    ar: "اطّلع على سياسة الجمعية المعتمدة ووقّعها أولًا، ثم تابع عملك.",
    en: "Read and sign the association's policy in force first, then carry on with your work.",
  },
  not_found: { ar: "لم يُعثر على المطلوب.", en: "Not found." },
  conflict: { ar: "تعارض مع بيانات موجودة.", en: "This conflicts with existing data." },
  possible_duplicates: {
    ar: "يوجد مستفيد مسجّل قد يكون الشخص نفسه. راجع السجلات المشابهة قبل الحفظ.",
    en: "A registered beneficiary may be the same person. Review the similar records before saving.",
  },
  beneficiary_merged: {
    ar: "هذا السجل دُمج في ملف مستفيد آخر؛ اعمل على الملف المحتفظ به.",
    en: "This record was merged into another beneficiary's file; work on the kept file.",
  },
  consent_withdrawn: {
    ar: "سحب المستفيد كل موافقاته على معالجة بياناته، فلا يُفتح له عمل جديد حتى تُسجَّل موافقة جديدة.",
    en: "The beneficiary withdrew every consent to processing their data; nothing new is opened until a new consent is recorded.",
  },
  payload_too_large: { ar: "حجم البيانات المرسلة أكبر من المسموح.", en: "The data sent is too large." },
  uri_too_long: { ar: "عنوان الطلب أطول من المسموح.", en: "The address requested is too long." },
  unsupported_file: {
    ar: "نوع الملف غير مقبول. المقبول: PDF أو صورة (JPEG أو PNG أو WebP).",
    en: "This kind of file is not accepted. Accepted: PDF or an image (JPEG, PNG, WebP).",
  },
  invalid_transition: {
    ar: "لا يمكن تنفيذ هذا الإجراء والطلب في حالته الحالية.",
    en: "This cannot be done while the request is in its current state.",
  },
  conflict_of_interest: {
    ar: "لا يجوز لك التصويت أو القرار في هذا الطلب لتعارض المصالح: فتحته أنت أو أفصحت عن صلة بالمستفيد.",
    en: "You may not vote or decide on this request: you opened it or declared a relation to the beneficiary.",
  },
  exceeds_approval: {
    ar: "المبلغ المسلَّم يتجاوز المبلغ المعتمد في قرار اللجنة.",
    en: "The amount delivered would exceed the amount the committee approved.",
  },
  pdf_unavailable: {
    ar: "تعذّر إنشاء ملف PDF على هذا الخادم الآن. اطبع السياسة من المتصفح واحفظها بصيغة PDF.",
    en: "A PDF cannot be made on this server right now. Print the policy from the browser and save it as PDF.",
  },
  archive_bomb: {
    ar: "الملف المضغوط يحوي ملفات كثيرة جدًا أو يتضخّم عند فتحه إلى أكبر من المسموح، فرُفض دون فتحه.",
    en: "The archive holds too many parts or inflates past the allowed size, so it was refused unopened.",
  },
  unsafe_file: {
    ar: "الملف يحوي محتوى يعمل تلقائيًا (برمجة JavaScript أو إجراء عند الفتح أو ملفات مضمّنة)، فرُفض. امسحه ضوئيًا أو اطبعه إلى PDF من جديد ثم ارفعه.",
    en: "The file holds content that runs by itself (JavaScript, an action on opening, embedded files), so it was refused. Scan it or print it to PDF again, then upload it.",
  },
  file_too_complex: {
    ar: "الملف أكبر أو أعقد من أن يُقرأ في الوقت المسموح. قسّمه إلى ملفات أصغر وأعد المحاولة.",
    en: "The file is too large or complex to read in the time allowed. Split it into smaller files and try again.",
  },
  busy: {
    ar: "الخادم مشغول بطلبات ثقيلة الآن. أعد المحاولة بعد لحظات.",
    en: "The server is busy with heavy requests right now. Try again in a moment.",
  },
  password_change_required: {
    ar: "كلمة المرور الحالية مؤقتة. اختر كلمة مرور جديدة قبل المتابعة.",
    en: "Your current password is temporary. Choose a new one before going on.",
  },
  own_account: {
    ar: "لا يمكنك تعطيل حسابك أو إعادة تعيين كلمة مروره من إدارة المستخدمين. غيّر كلمة مرورك من «حسابي».",
    en: "You cannot deactivate your own account or reset its password here. Change your password in «My account».",
  },
  last_administrator: {
    ar: "لا يمكن ترك الجمعية بلا مدير نظام نشط: أضف دور مدير النظام لمستخدم آخر أولًا.",
    en: "The association cannot be left without an active administrator: give another user that role first.",
  },
  export_too_large: {
    ar: "النتائج أكثر من ١٠٬٠٠٠ صف، وهو أكبر ما يُصدَّر في ملف واحد. ضيّق التصفية ثم صدّر من جديد.",
    en: "There are more than 10,000 rows, the most one file holds. Narrow the filters and export again.",
  },
  association_suspended: {
    ar: "هذه الجمعية موقوفة مؤقتًا في منصة صلة، فلا يمكن الدخول إليها أو استخدام صفحاتها الآن. تواصل مع إدارة الجمعية.",
    en: "This association is suspended on the Silah platform, so it cannot be signed in to or used now. Contact the association.",
  },
  internal_error: {
    ar: "حدث خطأ غير متوقع. سُجّل الخطأ وسنعالجه.",
    en: "Something went wrong. The error was recorded.",
  },
};

/** One field-level problem, as the form shows it beside the field. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: localizedTextSchema,
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, the body of every error response. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: errorCodeSchema,
  detail: z.string().optional(),
  message: localizedTextSchema,
  requestId: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
