import { useId, useState } from "react";
import { Link } from "react-router";
import { fieldVisitKinds } from "../../../../shared/contracts/fieldwork.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DateField, readDateField } from "../../../components/ui/date-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useFieldVisits } from "../api/fieldwork-api.js";
import { fieldKindLabels, fieldStatusLabels } from "../labels.js";
import "./fieldwork.css";

/** «الرقابة الميدانية»: the visits, surveys and interviews recorded, by kind and period (S2). */
export function FieldVisitsPage({
  canRecord,
  canManageChecklists,
}: {
  canRecord: boolean;
  canManageChecklists: boolean;
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const [kind, setKind] = useState("");
  const [fromText, setFromText] = useState("");
  const [toText, setToText] = useState("");
  const from = readDateField(fromText, t("field.list.from"));
  const to = readDateField(toText, t("field.list.to"));
  const visits = useFieldVisits({
    kind: kind || undefined,
    from: from?.ok ? from.iso : undefined,
    to: to?.ok ? to.iso : undefined,
  });

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("field.title")}
        </h1>
        <p className="page__lead">{t("field.intro")}</p>
        <div className="field-links">
          {canRecord ? (
            <Link className="button button--primary" to="/field/new">
              {t("field.record")}
            </Link>
          ) : null}
          {canManageChecklists ? (
            <Link className="button button--secondary" to="/field/checklists">
              {t("field.checklists.link")}
            </Link>
          ) : null}
        </div>
      </header>

      <section className="card" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="card__title">
          {t("field.list.title")}
        </h2>
        <div className="field-filters">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-kind`}>
              {t("field.list.kind")}
            </label>
            <select
              id={`${ids}-kind`}
              className="field__input"
              value={kind}
              onChange={(event) => setKind(event.target.value)}
            >
              <option value="">{t("field.list.allKinds")}</option>
              {fieldVisitKinds.map((value) => (
                <option key={value} value={value}>
                  {t(fieldKindLabels[value])}
                </option>
              ))}
            </select>
          </div>
          <DateField
            label={t("field.list.from")}
            value={fromText}
            onChange={setFromText}
            optionalLabel={t("beneficiaries.form.optional")}
          />
          <DateField
            label={t("field.list.to")}
            value={toText}
            onChange={setToText}
            optionalLabel={t("beneficiaries.form.optional")}
          />
        </div>
        {visits.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {visits.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(visits.error)}
          </div>
        ) : null}
        {visits.isSuccess && visits.data.items.length === 0 ? (
          <p className="empty">{t("field.list.empty")}</p>
        ) : null}
        {visits.isSuccess && visits.data.items.length > 0 ? (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("field.list.date")}</th>
                  <th scope="col">{t("field.list.kind")}</th>
                  <th scope="col">{t("field.list.place")}</th>
                  <th scope="col">{t("field.list.recordedBy")}</th>
                  <th scope="col">{t("field.list.actions")}</th>
                  <th scope="col">{t("field.list.status")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("field.list.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {visits.data.items.map((visit) => (
                  <tr key={visit.id}>
                    <td>
                      <CalendarDate value={visit.visitedOn} />
                    </td>
                    <td>{t(fieldKindLabels[visit.kind])}</td>
                    <td>
                      <UserText>{visit.place}</UserText>
                    </td>
                    <td>
                      <UserText>{visit.recordedBy.fullName}</UserText>
                    </td>
                    <td>
                      {t("field.openActions", { count: visit.openActions })}
                      {visit.overdueActions > 0 ? (
                        <span className="field-overdue">
                          {" "}
                          — {t("field.overdueActions", { count: visit.overdueActions })}
                        </span>
                      ) : null}
                    </td>
                    <td>{t(fieldStatusLabels[visit.status])}</td>
                    <td>
                      <Link to={`/field/visits/${visit.id}`}>{t("field.list.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </section>
  );
}
