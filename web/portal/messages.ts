import { formatIcu, type MessageValues } from "../i18n/icu.js";

/**
 * The portal's own words (Arabic only), kept apart from the staff app's catalogues so a beneficiary
 * downloads none of them; ICU messages through the same helper (web/i18n/icu.ts).
 */
export const portalMessages = {
  "portal.name": "بوابة المستفيد",
  "portal.skip": "انتقل إلى المحتوى",
  "portal.nav.label": "أقسام البوابة",
  "portal.nav.requests": "طلباتي",
  "portal.nav.notices": "إشعاراتي",
  "portal.signOut": "تسجيل الخروج",
  "portal.signingOut": "جارٍ تسجيل الخروج…",
  "portal.loading": "جارٍ التحميل…",
  "portal.error.network": "تعذّر الاتصال بالخادم. تحقّق من اتصالك وحاول مرة أخرى.",
  "portal.error.unexpected": "حدث خطأ غير متوقع. حاول مرة أخرى.",
  "portal.error.retry": "حاول مرة أخرى",
  "portal.notFound.title": "الصفحة غير موجودة",
  "portal.notFound.body": "لم نجد ما تبحث عنه. تحقّق من الرابط الذي وصلك من الجمعية.",

  "signIn.title": "الدخول إلى بوابة المستفيد",
  "signIn.intro":
    "ادخل برقم هويتك الوطنية أو رقم الإقامة، وسيصلك رمز دخول على وسيلة التواصل المسجلة في ملفك لدى الجمعية. لا حاجة إلى كلمة مرور.",
  "signIn.nationalId": "رقم الهوية الوطنية أو الإقامة",
  "signIn.nationalIdHint": "عشرة أرقام، يبدأ بـ ١ للهوية الوطنية أو ٢ للإقامة.",
  "signIn.sendCode": "أرسل رمز الدخول",
  "signIn.sending": "جارٍ الإرسال…",
  "signIn.code": "رمز الدخول",
  "signIn.codeHint": "ستة أرقام وصلتك في الرسالة. صالح لمدة ١٠ دقائق ولمرة واحدة.",
  "signIn.verify": "دخول",
  "signIn.verifying": "جارٍ التحقق…",
  "signIn.resend": "أرسل رمزًا جديدًا",
  "signIn.changeId": "تغيير رقم الهوية",
  "signIn.codeRequired": "اكتب الرمز المكوّن من ستة أرقام.",
  "signIn.tooMany":
    "محاولات كثيرة. حاول مرة أخرى بعد {minutes, plural, zero {دقيقة} one {دقيقة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "signIn.signedOut": "سُجّل خروجك. نراك قريبًا.",

  "requests.title": "طلباتي",
  "requests.greeting": "مرحبًا {name}",
  "requests.household": "تتابع أيضًا طلبات من سجّلتهم الجمعية ضمن أسرتك: {names}.",
  "requests.empty": "لا توجد طلبات مسجلة لك لدى الجمعية حتى الآن.",
  "requests.caption": "طلباتك وطلبات أفراد أسرتك وحالة كل منها",
  "requests.col.reference": "رقم الطلب",
  "requests.col.service": "الخدمة",
  "requests.col.for": "صاحب الطلب",
  "requests.col.state": "الحالة",
  "requests.col.due": "موعد الرد",
  "requests.self": "أنت",
  "requests.awaitedCount":
    "{n, plural, zero {لا شيء مطلوب منك} one {مطلوب منك أمر واحد} two {مطلوب منك أمران} few {مطلوب منك # أمور} many {مطلوب منك # أمرًا} other {مطلوب منك # أمر}}",
  "requests.open": "تفاصيل الطلب {reference}",

  "request.title": "الطلب {reference}",
  "request.back": "العودة إلى طلباتي",
  "request.service": "الخدمة",
  "request.for": "صاحب الطلب",
  "request.state": "الحالة",
  "request.openedAt": "تاريخ التقديم",
  "request.due": "موعد الرد على الطلب",
  "request.dueLeft":
    "{n, plural, zero {ينتهي اليوم} one {بقي يوم عمل واحد} two {بقي يوما عمل} few {بقيت # أيام عمل} many {بقي # يوم عمل} other {بقي # يوم عمل}}",
  "request.awaited": "المطلوب منك",
  "request.nothingAwaited": "لا شيء مطلوب منك الآن؛ الطلب لدى الجمعية.",
  "request.requirements": "متطلبات الخدمة",
  "request.requirementsCaption": "متطلبات الخدمة وما اكتمل منها",
  "request.col.requirement": "المتطلب",
  "request.col.status": "الحالة",
  "request.present": "مكتمل",
  "request.missing": "ناقص",
  "request.decision": "قرار اللجنة",
  "request.decisionOutcome": "القرار",
  "request.decisionReasons": "الأسباب",
  "request.decisionAmount": "المبلغ المعتمد",
  "request.decidedAt": "تاريخ القرار",
  "request.cancelled": "أُلغي الطلب",
  "request.cancelReason": "سبب الإلغاء",
  "request.notFound": "لم نجد هذا الطلب بين طلباتك.",

  "notices.title": "إشعاراتي",
  "notices.empty": "لم تصلك إشعارات من الجمعية بعد.",
  "notices.channel.email": "بريد إلكتروني",
  "notices.channel.sms": "رسالة نصية",
  "notices.channel.whatsapp": "واتساب",
  "notices.channel.phone": "اتصال هاتفي",
  "notices.channel.letter": "خطاب",
  "notices.via": "عبر {channel}",
} as const;

export type PortalMessageKey = keyof typeof portalMessages;

export function t(key: PortalMessageKey, params?: MessageValues): string {
  return formatIcu(portalMessages[key], "ar-SA", `portal\u0000${key}`, params);
}
