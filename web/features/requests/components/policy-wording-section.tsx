import { type FormEvent, useId, useState } from "react";
import type { PolicyWordingMapping } from "../../../../shared/contracts/requests.js";
import { type AssociationRole, associationRoles } from "../../../../shared/contracts/roles.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useConfirmPolicyWording, usePolicyWording } from "../api/policy-wording.js";

/**
 * «ربط عبارات السياسة»: what the approved policy means by its referral wording and the bodies its
 * committees text names, suggested from the words; the administrator confirms or corrects it.
 */
export function PolicyWordingSection() {
  const { t } = useI18n();
  const ids = useId();
  const mapping = usePolicyWording();
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.wording.title")}
      </h2>
      <p className="muted">{t("requests.wording.intro")}</p>
      {mapping.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {mapping.isError ? (
        <div role="alert" className="alert alert--error">
          {t("requests.wording.loadFailed")}
        </div>
      ) : null}
      {mapping.isSuccess && !mapping.data.policyVersion ? (
        <p className="muted">{t("requests.wording.noPolicy")}</p>
      ) : null}
      {mapping.isSuccess && mapping.data.policyVersion ? <WordingForm mapping={mapping.data} /> : null}
    </section>
  );
}

function WordingForm({ mapping }: { mapping: PolicyWordingMapping }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const confirm = useConfirmPolicyWording();
  const [role, setRole] = useState<AssociationRole | "">(
    mapping.referral?.role ?? mapping.referral?.suggestedRole ?? "",
  );
  const [committees, setCommittees] = useState<string[]>(
    mapping.committees.map((c) => (c.confirmed ? (c.committeeId ?? "") : (c.suggestedCommitteeId ?? ""))),
  );
  const [roleMissing, setRoleMissing] = useState(false);
  const roleError = roleMissing
    ? t("requests.wording.roleRequired")
    : isApiError(confirm.error)
      ? confirm.error.fieldMessage("referralRole")?.[locale]
      : undefined;
  const generalError = confirm.error && !roleError ? errorText(confirm.error) : null;
  const confirmed = mapping.confirmedAt !== null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = mapping.referral !== null && role === "";
    setRoleMissing(missing);
    if (missing) {
      document.getElementById(`${ids}-role`)?.focus();
      return;
    }
    confirm.mutate({
      ...(role ? { referralRole: role } : {}),
      committees: mapping.committees.map((c, i) => ({
        wording: c.wording,
        committeeId: committees[i] || null,
      })),
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className={confirmed ? "success" : "muted"}>
        {confirmed ? t("requests.wording.confirmed") : t("requests.wording.unconfirmed")}
      </p>
      {mapping.referral ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-role`}>
            {t("requests.wording.referral")} «<bdi>{mapping.referral.wording}</bdi>»
          </label>
          <select
            id={`${ids}-role`}
            className="field__input"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as AssociationRole | "");
              setRoleMissing(false);
            }}
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? `${ids}-role-error` : undefined}
          >
            <option value="">{t("requests.wording.choose")}</option>
            {associationRoles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
                {mapping.referral?.suggestedRole === r ? ` — ${t("requests.wording.suggested")}` : ""}
              </option>
            ))}
          </select>
          {roleError ? (
            <p className="field__error" id={`${ids}-role-error`}>
              {roleError}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("requests.wording.noReferral")}</p>
      )}
      {mapping.committees.length === 0 ? <p className="muted">{t("requests.wording.noCommittees")}</p> : null}
      {mapping.committees.map((entry, i) => (
        <div className="field" key={entry.wording}>
          <label className="field__label" htmlFor={`${ids}-committee-${i}`}>
            {t("requests.wording.committee")} «<bdi>{entry.wording}</bdi>»
          </label>
          <select
            id={`${ids}-committee-${i}`}
            className="field__input"
            value={committees[i] ?? ""}
            onChange={(event) =>
              setCommittees(committees.map((value, n) => (n === i ? event.target.value : value)))
            }
          >
            <option value="">{t("requests.wording.noCommittee")}</option>
            {mapping.committeesAvailable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nameAr}
                {entry.suggestedCommitteeId === c.id ? ` — ${t("requests.wording.suggested")}` : ""}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
        {generalError}
      </div>
      <p className="success" aria-live="polite">
        {confirm.isSuccess ? t("requests.wording.saved") : null}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={confirm.isPending}>
          {t("requests.wording.submit")}
        </button>
      </div>
    </form>
  );
}
