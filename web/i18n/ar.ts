/**
 * The Arabic catalogue is the source of truth: every key the app uses is declared here first, and
 * en.ts must answer each one (TypeScript fails the build when an English entry is missing).
 * `{name}`-style placeholders are filled by t(key, params).
 */
export const ar = {
  "app.name": "صِلة",
  "app.tagline": "إدارة العلاقة مع المستفيدين",

  "language.label": "اللغة",
  "language.ar": "العربية",
  "language.en": "English",

  "signIn.title": "تسجيل الدخول",
  "signIn.intro": "ادخل بحسابك في الجمعية لمتابعة طلبات المستفيدين وخدمتهم.",
  "signIn.email": "البريد الإلكتروني",
  "signIn.password": "كلمة المرور",
  "signIn.submit": "دخول",
  "signIn.submitting": "جارٍ الدخول…",

  "shell.skipToContent": "انتقل إلى المحتوى",
  "shell.navigation": "التنقل الرئيسي",
  "shell.account": "الحساب",
  "shell.signOut": "تسجيل الخروج",
  "shell.signingOut": "جارٍ الخروج…",

  "nav.home": "الرئيسية",
  "nav.audit": "سجل التدقيق",

  "home.greeting": "مرحبًا، {name}",
  "home.today": "اليوم",
  "home.association": "الجمعية",
  "home.yourRoles": "أدوارك في النظام",

  "audit.title": "سجل التدقيق",
  "audit.intro": "كل ما جرى في حسابات الجمعية وبياناتها، الأحدث أولًا.",
  "audit.filter.type": "نوع الحدث",
  "audit.filter.all": "كل الأحداث",
  "audit.column.time": "الوقت",
  "audit.column.type": "الحدث",
  "audit.column.actor": "المنفِّذ",
  "audit.column.subject": "المعنيّ بالحدث",
  "audit.actor.none": "النظام",
  "audit.subject.none": "—",
  "audit.loadMore": "عرض المزيد",
  "audit.loadingMore": "جارٍ تحميل المزيد…",
  "audit.empty": "لا توجد أحداث مطابقة.",
  "audit.end": "وصلت إلى أول الأحداث المسجلة.",

  "audit.type.auth.signed_in": "تسجيل دخول",
  "audit.type.auth.sign_in_failed": "محاولة دخول فاشلة",
  "audit.type.auth.account_locked": "إيقاف الحساب مؤقتًا",
  "audit.type.auth.signed_out": "تسجيل خروج",
  "audit.type.user.created": "إنشاء مستخدم",
  "audit.type.user.roles_changed": "تغيير أدوار مستخدم",
  "audit.type.user.locale_changed": "تغيير لغة الواجهة",
  "audit.type.association.created": "إنشاء الجمعية",
  "audit.type.beneficiary.viewed": "الاطلاع على بيانات مستفيد",
  "audit.type.beneficiary.searched": "البحث عن مستفيد",
  "audit.type.beneficiary.registered": "تسجيل مستفيد",
  "audit.type.beneficiary.updated": "تعديل بيانات مستفيد",
  "audit.type.beneficiary.merged": "دمج ملفين مكررين لمستفيد",
  "audit.type.beneficiary.consent_recorded": "تسجيل موافقة المستفيد",
  "audit.type.beneficiary.consent_withdrawn": "سحب موافقة المستفيد",
  "audit.type.beneficiary.category_created": "إنشاء فئة مستفيدين",
  "audit.type.beneficiaries.imported": "استيراد مستفيدين",
  "audit.type.interaction.recorded": "تسجيل تواصل",
  "audit.type.interaction.answered": "الرد على تواصل",
  "audit.type.liaison.route_set": "تعيين ضابط اتصال",

  "audit.subject.user": "مستخدم",
  "audit.subject.association": "جمعية",
  "audit.subject.beneficiary": "مستفيد",
  "audit.subject.session": "جلسة",
  "audit.subject.interaction": "تواصل",
  "audit.subject.beneficiary_category": "فئة مستفيدين",

  "role.officer": "موظف علاقات المستفيدين",
  "role.social_researcher": "الباحث الاجتماعي",
  "role.committee_member": "عضو لجنة البحث",
  "role.followup_committee_member": "عضو لجنة المتابعة",
  "role.liaison_officer": "ضابط الاتصال",
  "role.branch_representative": "مندوب المكتب الفرعي",
  "role.manager": "الإدارة العليا",
  "role.hr": "الموارد البشرية",
  "role.board_member": "عضو مجلس الإدارة",
  "role.administrator": "مسؤول النظام",

  "common.loading": "جارٍ التحميل…",
  "common.retry": "إعادة المحاولة",
  "error.network": "تعذّر الاتصال بالخادم. تحقّق من الاتصال وأعد المحاولة.",
  "error.unexpected": "حدث خطأ غير متوقع.",
  "error.forbiddenPage": "لا تملك صلاحية عرض هذه الصفحة.",
  "notFound.title": "الصفحة غير موجودة",
  "notFound.back": "العودة إلى الرئيسية",
} as const;

export type MessageKey = keyof typeof ar;
