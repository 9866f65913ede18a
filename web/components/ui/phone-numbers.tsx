import { parseSaudiPhone } from "../../../shared/domain/index.js";
import { useI18n } from "../../i18n/i18n.js";

/**
 * Phone numbers as officers dial them inside the Kingdom (`0551234567`), not the stored E.164; kept
 * left-to-right inside Arabic text so the digits do not turn around.
 */
export function PhoneNumbers({ values }: { values: readonly string[] }) {
  const { t } = useI18n();
  if (values.length === 0) return <>{t("beneficiaries.none")}</>;
  return (
    <span className="phone-numbers">
      {values.map((value) => {
        const parsed = parseSaudiPhone(value);
        return (
          <bdi key={value} dir="ltr" title={value}>
            {parsed.ok ? parsed.national : value}
          </bdi>
        );
      })}
    </span>
  );
}
