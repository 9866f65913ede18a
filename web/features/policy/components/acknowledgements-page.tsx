import { useState } from "react";
import { DualDate } from "../../../components/ui/dual-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useAcknowledgements } from "../api/list-acknowledgements.js";
import { localDigits } from "../labels.js";
import "./policy.css";
import { UserText } from "../../../components/ui/user-text.js";

type Show = "all" | "pending" | "signed";

/** «توقيعات الموظفين»: who has signed the policy in force and who has not yet (HR, management). */
export function AcknowledgementsPage({ roleName }: { roleName: (role: string) => string }) {
  const { t, locale, errorText } = useI18n();
  const report = useAcknowledgements();
  const [show, setShow] = useState<Show>("all");
  const staff = (report.data?.staff ?? []).filter((person) =>
    show === "all" ? true : show === "signed" ? person.signed : !person.signed,
  );
  return (
    <section className="page" aria-labelledby="acks-title">
      <header className="page__header">
        <h1 id="acks-title" className="page__title">
          {t("policy.acks.title")}
        </h1>
        <p className="page__lead">{t("policy.acks.intro")}</p>
      </header>
      {report.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {report.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(report.error)}
        </div>
      ) : null}
      {report.data && report.data.version === null ? <p className="empty">{t("policy.none")}</p> : null}
      {report.data?.version ? (
        <>
          <dl className="facts facts--grid">
            <div className="facts__item">
              <dt>{t("policy.acks.version")}</dt>
              <dd>
                {report.data.version.versionNumber
                  ? t("policy.versionNumber", {
                      n: localDigits(String(report.data.version.versionNumber), locale),
                    })
                  : "—"}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t("policy.acks.signedCount")}</dt>
              <dd data-count="signed">{report.data.signedCount}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("policy.acks.pendingCount")}</dt>
              <dd data-count="pending">{report.data.pendingCount}</dd>
            </div>
          </dl>
          <div className="acks-filter">
            <label className="field__label" htmlFor="acks-show">
              {t("policy.acks.show")}
            </label>
            <select
              id="acks-show"
              className="field__input"
              value={show}
              onChange={(event) => setShow(event.target.value as Show)}
            >
              <option value="all">{t("policy.acks.showAll")}</option>
              <option value="pending">{t("policy.acks.showPending")}</option>
              <option value="signed">{t("policy.acks.showSigned")}</option>
            </select>
          </div>
          <ExportButtons path="/api/policy/acknowledgements/export" query={{ show }} />
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t("policy.acks.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("policy.acks.name")}</th>
                  <th scope="col">{t("policy.acks.roles")}</th>
                  <th scope="col">{t("policy.acks.status")}</th>
                  <th scope="col">{t("policy.acks.signedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((person) => (
                  <tr key={person.userId} data-signed={person.signed}>
                    <th scope="row">
                      <UserText>{person.fullName}</UserText>
                    </th>
                    <td>{person.roles.map(roleName).join(t("policy.listJoin"))}</td>
                    <td>
                      <span className={person.signed ? "ack-badge ack-badge--signed" : "ack-badge"}>
                        {person.signed ? t("policy.acks.signed") : t("policy.acks.pending")}
                      </span>
                    </td>
                    <td>{person.signedAt ? <DualDate value={person.signedAt} withTime /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
