import { type MessageFormatElement, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";

/** A message's values: text is inserted as given; numbers choose the plural form and are written in the page's digits. */
export type MessageValues = Record<string, string | number>;

const compiled = new Map<string, { message: IntlMessageFormat; placeholders: Record<string, string> }>();

/**
 * The plain `{name}` values of a message, each standing for itself: a message asked for without
 * its text values keeps `{name}` for `<Interpolate>` to fill with an isolated element.
 */
function placeholdersOf(elements: MessageFormatElement[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const element of elements) {
    if (element.type === TYPE.argument) found[element.value] = `{${element.value}}`;
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) Object.assign(found, placeholdersOf(option.value));
    }
  }
  return found;
}

/**
 * One ICU message (intl-messageformat) formatted for a number locale, shared by the staff app's
 * catalogues and the portal's own: Arabic plurals have six forms (0, 1, 2, 3–10, 11–99, 100+); tags
 * are text (`<` is never markup here), so a message cannot inject elements. Without values, a
 * message with placeholders is its template, untouched.
 */
export function formatIcu(
  text: string,
  numberLocale: string,
  cacheKey: string,
  params?: MessageValues,
): string {
  if (params === undefined && text.includes("{")) return text;
  let entry = compiled.get(cacheKey);
  if (!entry) {
    const message = new IntlMessageFormat(text, numberLocale, undefined, { ignoreTag: true });
    entry = { message, placeholders: placeholdersOf(message.getAst()) };
    compiled.set(cacheKey, entry);
  }
  const formatted = entry.message.format({ ...entry.placeholders, ...params });
  return typeof formatted === "string" ? formatted : String(formatted);
}
