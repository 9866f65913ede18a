import { Link } from "react-router";
import type { DuplicateCandidate } from "../../../../shared/contracts/beneficiaries.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { PhoneNumbers } from "../../../components/ui/phone-numbers.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { reasonLabels } from "../labels.js";

type DuplicatePanelProps = {
  candidates: DuplicateCandidate[];
  /** Saving was refused: offer to save anyway, unless the ID itself is taken (never allowed). */
  refused: "possible" | "same_national_id" | null;
  saving: boolean;
  onConfirm: () => void;
};

/** "This person may already be registered": the similar records, why each is similar, and a way to open it. */
export function DuplicatePanel({ candidates, refused, saving, onConfirm }: DuplicatePanelProps) {
  const { t } = useI18n();
  return (
    <section className="duplicate-panel" aria-labelledby="duplicate-panel-title">
      <h2 id="duplicate-panel-title" className="duplicate-panel__title">
        {t("beneficiaries.duplicates.title")}
      </h2>
      <p>{t("beneficiaries.duplicates.intro")}</p>
      <ul className="duplicate-panel__list">
        {candidates.map(({ beneficiary, reasons }) => (
          <li key={beneficiary.id} className="duplicate-candidate">
            <div className="duplicate-candidate__head">
              <Link className="duplicate-candidate__name" to={`/beneficiaries/${beneficiary.id}`}>
                <UserText>{beneficiary.fullName}</UserText>
              </Link>
              <span className="muted">
                {t("beneficiaries.fileNumber", { number: String(beneficiary.fileNumber) })}
              </span>
            </div>
            <dl className="facts facts--compact">
              {beneficiary.nationalId ? (
                <div className="facts__item">
                  <dt>{t("beneficiaries.nationalId")}</dt>
                  <dd dir="ltr">
                    <UserText code>{beneficiary.nationalId}</UserText>
                  </dd>
                </div>
              ) : null}
              {beneficiary.birthDate ? (
                <div className="facts__item">
                  <dt>{t("beneficiaries.birthDate")}</dt>
                  <dd>
                    <CalendarDate value={beneficiary.birthDate} />
                  </dd>
                </div>
              ) : null}
              {beneficiary.phones.length > 0 ? (
                <div className="facts__item">
                  <dt>{t("beneficiaries.phones")}</dt>
                  <dd>
                    <PhoneNumbers values={beneficiary.phones} />
                  </dd>
                </div>
              ) : null}
            </dl>
            <ul className="reason-list">
              {reasons.map((reason) => (
                <li key={reason} className="reason-chip">
                  {t(reasonLabels[reason])}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {refused === "same_national_id" ? (
        <p className="field__error">{t("beneficiaries.duplicates.sameIdRefused")}</p>
      ) : null}
      {refused === "possible" ? (
        <div>
          <button type="button" className="button button--secondary" onClick={onConfirm} disabled={saving}>
            {saving ? t("beneficiaries.form.submitting") : t("beneficiaries.duplicates.confirm")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
