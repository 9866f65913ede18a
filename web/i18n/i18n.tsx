import { type MessageFormatElement, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from "react";
import type { Locale } from "../../shared/contracts/auth.js";
import { isApiError } from "../lib/http.js";
import { ar, type MessageKey } from "./ar.js";
import { en } from "./en.js";

export type { MessageKey } from "./ar.js";

const catalogues: Record<Locale, Record<MessageKey, string>> = { ar, en };
const storageKey = "silah.locale";

/** A message's values: text is inserted as given; numbers choose the plural form and are written in the page's digits. */
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageValues) => string;

/** The number system of each language's numbers inside messages (ar-SA: Arabic-Indic digits). */
const messageLocales: Record<Locale, string> = { ar: "ar-SA", en: "en-GB" };
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
 * The catalogues are ICU messages (intl-messageformat): `{name}` for a value,
 * `{count, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}` for a number the words must
 * agree with (Arabic has six forms: 0, 1, 2, 3–10, 11–99, 100+), `{sex, select, female {…} other {…}}`
 * for agreement. Tags are text (`<` is never markup here), so a message cannot inject elements.
 * A text value left out stays `{name}` in the result, for `<Interpolate>` to put an isolated
 * element there (someone's name inside a sentence); a count left out is an error.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageValues): string {
  const text = catalogues[locale][key];
  // Without values, a message with placeholders is its template, untouched: <Interpolate> puts each
  // value in as its own isolated element (formatting it here would throw for the missing values).
  if (params === undefined && text.includes("{")) return text;
  const cacheKey = `${locale}\u0000${key}`;
  let entry = compiled.get(cacheKey);
  if (!entry) {
    const message = new IntlMessageFormat(text, messageLocales[locale], undefined, { ignoreTag: true });
    entry = { message, placeholders: placeholdersOf(message.getAst()) };
    compiled.set(cacheKey, entry);
  }
  const formatted = entry.message.format({ ...entry.placeholders, ...params });
  return typeof formatted === "string" ? formatted : String(formatted);
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return stored === "en" ? "en" : "ar";
  } catch {
    return "ar";
  }
}

type I18nValue = {
  locale: Locale;
  dir: "rtl" | "ltr";
  /** Changes the interface language; the signed-in user's preference is saved by the caller. */
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** The words to show for a failed request: the server's own message, in the current language. */
  errorText: (error: unknown) => string;
};

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  // The one place that turns the page around: index.html starts as lang="ar" dir="rtl".
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.dir = locale === "ar" ? "rtl" : "ltr";
    document.title = translate(locale, "app.name");
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private mode or storage disabled: the choice simply lasts for this page.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const t: Translate = (key, params) => translate(locale, key, params);
    return {
      locale,
      dir: locale === "ar" ? "rtl" : "ltr",
      setLocale,
      t,
      errorText: (error) => {
        if (isApiError(error)) {
          return error.userMessage ? error.userMessage[locale] : t("error.network");
        }
        return t("error.unexpected");
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
