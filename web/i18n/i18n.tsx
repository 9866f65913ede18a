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
import { formatIcu, type MessageValues } from "./icu.js";

export type { MessageKey } from "./ar.js";

const catalogues: Record<Locale, Record<MessageKey, string>> = { ar, en };
const storageKey = "silah.locale";

export type { MessageValues } from "./icu.js";
export type Translate = (key: MessageKey, params?: MessageValues) => string;

/** The number system of each language's numbers inside messages (ar-SA: Arabic-Indic digits). */
const messageLocales: Record<Locale, string> = { ar: "ar-SA", en: "en-GB" };

/**
 * The catalogues are ICU messages (web/i18n/icu.ts): `{name}` for a value,
 * `{count, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}` for a number the words must
 * agree with, `{sex, select, female {…} other {…}}` for agreement. A text value left out stays
 * `{name}` in the result, for `<Interpolate>` to put an isolated element there; a count left out is an error.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageValues): string {
  return formatIcu(catalogues[locale][key], messageLocales[locale], `${locale}\u0000${key}`, params);
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
