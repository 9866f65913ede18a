import type { Locale } from "../../shared/contracts/auth.js";
import { useSession } from "../features/auth/api/get-session.js";
import { useUpdatePreferences } from "../features/auth/api/update-preferences.js";
import { useI18n } from "../i18n/i18n.js";

const locales: readonly Locale[] = ["ar", "en"];

/** العربية / English. Signed in, the choice is the user's saved preference; before that, this browser's. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const updatePreferences = useUpdatePreferences();

  function choose(next: Locale) {
    if (next === locale) return;
    setLocale(next);
    if (session.data) updatePreferences.mutate({ locale: next });
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {locales.map((candidate) => (
        <button
          key={candidate}
          type="button"
          lang={candidate}
          // Each language is named in its own script and direction («English» reads left to right).
          dir={candidate === "ar" ? "rtl" : "ltr"}
          className="language-switch__option"
          aria-pressed={candidate === locale}
          onClick={() => choose(candidate)}
        >
          {t(`language.${candidate}`)}
        </button>
      ))}
    </div>
  );
}
