import { createHash } from "node:crypto";
import type { Question } from "../../../shared/contracts/surveys.js";
import { quoteDayBoth } from "../../../shared/domain/date-input.js";
import { riyadhDay } from "../../http/dates.js";
import { contentSecurityPolicy } from "../../http/security-headers.js";
import type { PublicSurvey } from "./invitations.service.js";

/**
 * The survey a person opens from their link: one server-rendered Arabic page, no web app bundle,
 * a few kilobytes on a phone. It works without script; a tiny inline script (allowed by its hash in
 * the page's CSP) only hides the questions whose condition is not met.
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const style = `*{box-sizing:border-box}body{margin:0;font:18px/1.6 system-ui,"Segoe UI",Tahoma,sans-serif;color:#1b1b1b;background:#f6f7f5}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.5rem 0}
fieldset{border:1px solid #cfd6cc;border-radius:.5rem;margin:0 0 1rem;padding:.75rem;background:#fff}
legend{font-weight:600;padding:0 .25rem}.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.scale label,.choice label{display:flex;align-items:center;gap:.4rem;min-height:48px;min-width:48px;padding:.25rem .6rem;border:1px solid #9aa596;border-radius:.4rem;cursor:pointer}
.choice label{margin-block:.3rem}input[type=radio],input[type=checkbox]{width:1.3rem;height:1.3rem;margin:0}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #9aa596;border-radius:.4rem}
button{font:inherit;min-height:48px;padding:.5rem 1.5rem;border:0;border-radius:.4rem;background:#0b6b3a;color:#fff;cursor:pointer}
.hint{color:#4a4f48;font-size:.95rem;margin:.25rem 0}.err{color:#a4000f;font-weight:600}.link{background:none;color:#0b4f8a;text-decoration:underline;padding:0}
:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}[hidden]{display:none!important}`;

// Hides a conditional question until its condition holds, and clears it when hidden.
const script = `(function(){var f=document.querySelector("form[data-survey]");if(!f)return;var qs=f.querySelectorAll("[data-show-if]");function u(){qs.forEach(function(q){var c=JSON.parse(q.getAttribute("data-show-if"));var ok=[].some.call(f.querySelectorAll('[name="q_'+c.q+'"]:checked'),function(i){return c.v.indexOf(i.value)>=0});q.hidden=!ok;q.querySelectorAll("input,textarea").forEach(function(i){i.disabled=!ok})})}f.addEventListener("change",u);u()})();`;
export const scriptHash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

/**
 * The page's own CSP: the one helmet set for this answer (production adds its upgrade), with this
 * page's one inline script allowed by its hash; the app's policy when none was set.
 */
export function surveyPagePolicy(current: unknown): string {
  const base = typeof current === "string" && current.includes("script-src") ? current : defaultPolicy;
  return base.replace(/script-src ([^;]*)/, (_, sources: string) => `script-src ${sources} ${scriptHash}`);
}

const defaultPolicy = Object.entries(contentSecurityPolicy)
  .map(([name, values]) => `${name} ${values.join(" ")}`)
  .join("; ");

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main>${body}</main><script>${script}</script></body></html>`;
}

const scoreLabels: Record<string, [string, string]> = {
  csat: ["غير راضٍ إطلاقًا", "راضٍ جدًا"],
  likert: ["لا أوافق إطلاقًا", "أوافق تمامًا"],
  nps: ["لن أوصي أبدًا", "سأوصي بالتأكيد"],
};

/** What the person sent, so a page shown again with an error keeps their answers. */
export type Given = Record<string, string | string[]>;

function questionHtml(q: Question, index: number, errors: Map<string, string>, given: Given): string {
  const sent = given[q.key];
  const isGiven = (value: string) => (Array.isArray(sent) ? sent.includes(value) : sent === value);
  const name = `q_${q.key}`;
  const id = `q${index}`;
  const error = errors.get(q.key);
  const errorHtml = error ? `<p class="err" id="${id}-err">${escapeHtml(error)}</p>` : "";
  const described = error ? ` aria-describedby="${id}-err"` : "";
  const condition = q.showIf
    ? ` data-show-if="${escapeHtml(JSON.stringify({ q: q.showIf.questionKey, v: q.showIf.anyOf }))}"`
    : "";
  const conditionHint = q.showIf ? `<p class="hint">أجب عن هذا السؤال إن انطبق عليك.</p>` : "";
  const legend = `<legend>${escapeHtml(q.text.ar)}${q.required ? " (مطلوب)" : ""}</legend>`;
  if (q.kind === "text")
    return `<fieldset${condition}>${legend}${conditionHint}<label for="${id}" class="hint">اكتب إجابتك (اختياري)</label><textarea id="${id}" name="${name}" maxlength="2000"${described}>${typeof sent === "string" ? escapeHtml(sent) : ""}</textarea>${errorHtml}</fieldset>`;
  const range = q.kind === "nps" ? [0, 10] : q.kind === "csat" || q.kind === "likert" ? [1, 5] : null;
  const type = q.kind === "multiple_choice" ? "checkbox" : "radio";
  const options = range
    ? Array.from({ length: range[1]! - range[0]! + 1 }, (_, i) => String(range[0]! + i)).map((v) => ({
        value: v,
        label: v,
      }))
    : q.options.map((o) => ({ value: o.key, label: o.text.ar }));
  const items = options
    .map(
      (o, i) =>
        `<label for="${id}-${i}"><input type="${type}" id="${id}-${i}" name="${name}" value="${escapeHtml(o.value)}"${isGiven(o.value) ? " checked" : ""}${type === "radio" && q.required && i === 0 ? " required" : ""}${described}>${escapeHtml(o.label)}</label>`,
    )
    .join("");
  const ends = range ? scoreLabels[q.kind] : null;
  const endsHtml = ends ? `<p class="hint">${range![0]} = ${ends[0]}، ${range![1]} = ${ends[1]}</p>` : "";
  return `<fieldset${condition}>${legend}${conditionHint}${endsHtml}<div class="${range ? "scale" : "choice"}">${items}</div>${errorHtml}</fieldset>`;
}

export function surveyPage(
  token: string,
  survey: PublicSurvey,
  errors = new Map<string, string>(),
  given: Given = {},
  allowContact = false,
): string {
  const questions = survey.questions.map((q, i) => questionHtml(q, i, errors, given)).join("");
  const until = riyadhDay(new Date(survey.expiresAt.getTime() - 1));
  const summary = errors.size
    ? `<p class="err" role="alert">راجع الإجابات المشار إليها ثم أرسل مرة أخرى.</p>`
    : "";
  return page(
    survey.name,
    `<p class="hint">${escapeHtml(survey.associationName)}</p><h1>${escapeHtml(survey.name)}</h1>${survey.intro ? `<p>${escapeHtml(survey.intro.ar)}</p>` : ""}<p class="hint">إجاباتك لا تُربط باسمك. الرابط صالح حتى ${escapeHtml(quoteDayBoth(until).ar)}.</p>${summary}
<form method="post" action="/s/${token}" data-survey novalidate>${questions}<fieldset><legend>هل تسمح للجمعية بالتواصل معك بخصوص إجابتك؟</legend><div class="choice"><label for="contact-yes"><input type="radio" id="contact-yes" name="allowContact" value="1"${allowContact ? " checked" : ""}>نعم، يمكنكم التواصل معي</label><label for="contact-no"><input type="radio" id="contact-no" name="allowContact" value="0"${allowContact ? "" : " checked"}>لا، أفضّل ألا يُتواصل معي</label></div><p class="hint">إن سمحت، تصل ملاحظتك والتقييم المنخفض فقط إلى المختص باسمك؛ وتبقى بقية الإجابات دون اسم.</p></fieldset><button type="submit">إرسال</button></form>
<form method="post" action="/s/${token}/opt-out"><button type="submit" class="link">لا أرغب في الاستبانات</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}

export const pages = {
  thanks: () => messagePage("شكرًا لك", "وصلتنا إجابتك. رأيك يساعدنا على تحسين خدماتنا."),
  invalid: () =>
    messagePage(
      "هذا الرابط لم يعد صالحًا",
      "انتهت صلاحية الرابط أو أنه غير صحيح. إن أردت إبداء رأيك فتواصل مع الجمعية.",
    ),
  answered: () =>
    messagePage(
      "سبق إرسال الإجابة",
      "أُرسلت الإجابة عن هذه الاستبانة من قبل، ولا يمكن إرسالها مرة ثانية. شكرًا لك.",
    ),
  optedOut: () =>
    messagePage(
      "لن نرسل إليك استبانات",
      "سجّلنا رغبتك. لن تصلك دعوات للاستبانات بعد اليوم، وتبقى خدماتك كما هي.",
    ),
};
