import type { SaveSurveyRequest } from "../../../shared/contracts/surveys.js";

/**
 * Starting points the builder copies: a short survey after a service and a periodic questionnaire.
 * Each names the satisfaction method of the approved policy it serves, when the policy lists it.
 */
const low = ["1", "2"];

const postService: SaveSurveyRequest = {
  name: "استبانة رضا بعد الخدمة",
  purpose: "post_service",
  intro: { ar: "نشكر لك تعاملك مع الجمعية. رأيك يساعدنا على تحسين خدماتنا، ولن يُربط بك." },
  questions: [
    { key: "csat", kind: "csat", text: { ar: "ما مدى رضاك عن الخدمة التي تلقيتها؟" }, required: true },
    {
      key: "staff",
      kind: "csat",
      aboutStaff: true,
      text: { ar: "ما مدى رضاك عن تعامل الموظف الذي خدمك؟" },
    },
    {
      key: "what_went_wrong",
      kind: "text",
      text: { ar: "ما الذي لم يكن كما ينبغي؟" },
      showIf: { questionKey: "csat", anyOf: low },
    },
    { key: "nps", kind: "nps", text: { ar: "ما مدى احتمال أن توصي بالجمعية لقريب أو صديق؟" } },
  ],
};

const periodic: SaveSurveyRequest = {
  name: "استبيان الرضا الدوري",
  purpose: "periodic",
  intro: { ar: "استبيان قصير عن خدمات الجمعية خلال الفترة الماضية. إجاباتك لا تُربط باسمك." },
  questions: [
    { key: "csat", kind: "csat", text: { ar: "ما مدى رضاك عن خدمات الجمعية عمومًا؟" }, required: true },
    { key: "nps", kind: "nps", text: { ar: "ما مدى احتمال أن توصي بالجمعية لقريب أو صديق؟" } },
    {
      key: "staff",
      kind: "csat",
      aboutStaff: true,
      text: { ar: "ما مدى رضاك عن تعامل موظفي الجمعية معك؟" },
    },
    {
      key: "clear_requirements",
      kind: "likert",
      text: { ar: "كانت متطلبات الخدمة ومستنداتها واضحة لي." },
    },
    {
      key: "channel",
      kind: "single_choice",
      text: { ar: "ما أنسب طريقة للتواصل معك؟" },
      options: [
        { key: "sms", text: { ar: "رسالة نصية" } },
        { key: "whatsapp", text: { ar: "واتساب" } },
        { key: "phone", text: { ar: "اتصال هاتفي" } },
        { key: "visit", text: { ar: "زيارة مقر الجمعية" } },
      ],
    },
    {
      key: "what_went_wrong",
      kind: "text",
      text: { ar: "ما الذي لم يكن كما ينبغي؟" },
      showIf: { questionKey: "csat", anyOf: low },
    },
    { key: "suggestions", kind: "text", text: { ar: "هل لديك اقتراح لتحسين خدماتنا؟" } },
  ],
};

export function surveyTemplates(policyMethods: readonly string[]) {
  const method = (code: string) => (policyMethods.includes(code) ? code : null);
  return [
    {
      code: "post_service",
      name: postService.name,
      purpose: "post_service" as const,
      method: method("management_followup") ?? method("periodic_survey"),
      survey: postService,
    },
    {
      code: "periodic",
      name: periodic.name,
      purpose: "periodic" as const,
      method: method("periodic_survey"),
      survey: periodic,
    },
  ];
}
