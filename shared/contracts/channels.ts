import { z } from "zod";

/**
 * The union of contact channels across the policies (SPEC C1); each association enables its own list.
 * WhatsApp and the home or field visit (G5: serving the beneficiary from where they are) are how many
 * associations actually reach people, so a contact on them is recorded as what it was (issue 11).
 */
export const contactChannels = [
  "interview",
  "phone",
  "social_media",
  "letters",
  "assistance_requests",
  "volunteering",
  "website",
  "branch_representatives",
  "fax",
  "email",
  "whatsapp",
  "home_visit",
] as const;
export const contactChannelSchema = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

/** How a beneficiary agreed to be told about their requests (SPEC C2). */
export const notificationChannels = ["sms", "whatsapp", "email", "phone", "letter"] as const;
export const notificationChannelSchema = z.enum(notificationChannels);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const channelNames: Record<ContactChannel | NotificationChannel, { ar: string; en: string }> = {
  interview: { ar: "المقابلة الشخصية", en: "In-person interview" },
  phone: { ar: "الاتصال الهاتفي", en: "Phone call" },
  social_media: { ar: "وسائل التواصل الاجتماعي", en: "Social media" },
  letters: { ar: "الخطابات والمراسلات", en: "Letters and correspondence" },
  assistance_requests: { ar: "خدمات طلب المساعدة", en: "Assistance-request services" },
  volunteering: { ar: "خدمة التطوع", en: "Volunteering service" },
  website: { ar: "الموقع الإلكتروني", en: "Website" },
  branch_representatives: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" },
  fax: { ar: "الفاكس", en: "Fax" },
  email: { ar: "البريد الإلكتروني", en: "E-mail" },
  home_visit: { ar: "الزيارة المنزلية أو الميدانية", en: "Home or field visit" },
  sms: { ar: "رسالة نصية", en: "SMS" },
  whatsapp: { ar: "واتساب", en: "WhatsApp" },
  letter: { ar: "خطاب", en: "Letter" },
};
