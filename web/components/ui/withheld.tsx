import { useI18n } from "../../i18n/i18n.js";

/**
 * Stands where a sensitive value would be when the reader's role may not read it
 * (shared/contracts/access.ts): the page says it is withheld rather than showing an empty value.
 */
export function Withheld() {
  const { t } = useI18n();
  return <span className="withheld">{t("access.withheld")}</span>;
}
