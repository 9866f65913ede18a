import { IntlMessageFormat } from "intl-messageformat";

/** A message in both languages, as every server error and printed rule carries it. */
export type BilingualText = { ar: string; en: string };

/** The number system of each language's numbers (ar-SA: Arabic-Indic digits), as in the web catalogues. */
const locales = { ar: "ar-SA", en: "en-GB" } as const;
const compiled = new Map<string, IntlMessageFormat>();

function format(
  message: string,
  locale: keyof typeof locales,
  values: Record<string, string | number>,
): string {
  const key = `${locale}\u0000${message}`;
  let compiledMessage = compiled.get(key);
  if (!compiledMessage) {
    compiledMessage = new IntlMessageFormat(message, locales[locale], undefined, { ignoreTag: true });
    compiled.set(key, compiledMessage);
  }
  return String(compiledMessage.format(values));
}

/**
 * Fills an ICU message pair (intl-messageformat) — the same syntax as `web/i18n/ar.ts`: a count that
 * meets a noun is `{n, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}` in Arabic
 * (0, 1, 2, 3–10, 11–99, 100+) and `one/other` in English. Numbers are passed as numbers.
 */
export function icuText(messages: BilingualText, values: Record<string, string | number>): BilingualText {
  return { ar: format(messages.ar, "ar", values), en: format(messages.en, "en", values) };
}
