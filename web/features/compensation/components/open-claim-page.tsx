import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useOpenClaim } from "../api/open-claim.js";
import "./compensation.css";

/** «فتح طلب تعويض»: directly, or from a complaint (`?complaintId=…&claimantName=…`). */
export function OpenClaimPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const complaintId = searchParams.get("complaintId") ?? undefined;
  const beneficiaryId = searchParams.get("beneficiaryId") ?? undefined;
  const open = useOpenClaim();
  const [claimantName, setClaimantName] = useState(searchParams.get("claimantName") ?? "");
  const [description, setDescription] = useState("");
  const error = (path: string) =>
    isApiError(open.error) ? open.error.fieldMessage(path)?.[locale] : undefined;
  const marked = error("claimantName") || error("description");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    open.mutate(
      { claimantName, description, complaintId, beneficiaryId },
      { onSuccess: (claim) => navigate(`/compensation/${claim.id}`) },
    );
  }

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/compensation">{t("compensation.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("compensation.open.title")}
        </h1>
        <p className="page__lead">{t("compensation.open.intro")}</p>
      </header>
      <section className="card">
        {complaintId ? (
          <p className="notice">
            {t("compensation.open.fromComplaint")}{" "}
            <Link to={`/complaints/${complaintId}`}>{t("compensation.open.viewComplaint")}</Link>
          </p>
        ) : null}
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-name`}>
              {t("compensation.field.claimant")}
            </label>
            <input
              id={`${ids}-name`}
              className="field__input"
              value={claimantName}
              onChange={(event) => setClaimantName(event.target.value)}
              aria-invalid={error("claimantName") ? true : undefined}
            />
            {error("claimantName") ? <p className="field__error">{error("claimantName")}</p> : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-description`}>
              {t("compensation.field.description")}
            </label>
            <textarea
              id={`${ids}-description`}
              className="field__input field__input--area"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              aria-invalid={error("description") ? true : undefined}
            />
            {error("description") ? <p className="field__error">{error("description")}</p> : null}
          </div>
          <div role="alert" className={open.error && !marked ? "alert alert--error" : "alert"}>
            {open.error && !marked ? errorText(open.error) : null}
          </div>
          <div>
            <button className="button button--primary" type="submit" disabled={open.isPending}>
              {t("compensation.open.submit")}
            </button>
          </div>
        </form>
      </section>
    </section>
  );
}
