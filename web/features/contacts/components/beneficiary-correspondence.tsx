import { useId } from "react";
import { Link } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { useCorrespondence } from "../api/list-correspondence.js";
import type { Attachments } from "../attachments.js";
import { CorrespondenceList } from "./correspondence-list.js";
import "./contacts.css";

/** The letters, faxes and e-mails about one beneficiary, with a way to register another. */
export function BeneficiaryCorrespondence({
  beneficiaryId,
  canRegister,
  href,
}: {
  beneficiaryId: string;
  canRegister: boolean;
  href: Attachments["href"];
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const letters = useCorrespondence({ beneficiaryId });
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <div className="card__head">
        <h2 id={`${ids}-title`} className="card__title">
          {t("correspondence.file.title")}
        </h2>
        {canRegister ? (
          <Link
            className="button button--secondary"
            to={`/correspondence?beneficiaryId=${encodeURIComponent(beneficiaryId)}`}
          >
            {t("correspondence.file.register")}
          </Link>
        ) : null}
      </div>
      {letters.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {letters.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(letters.error)}
        </div>
      ) : null}
      {letters.isSuccess && letters.data.items.length === 0 ? (
        <p className="muted">{t("correspondence.file.empty")}</p>
      ) : null}
      {letters.isSuccess && letters.data.items.length > 0 ? (
        <CorrespondenceList
          items={letters.data.items}
          href={href}
          showBeneficiary={false}
          label={t("correspondence.file.title")}
        />
      ) : null}
    </section>
  );
}
