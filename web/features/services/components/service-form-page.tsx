import { type FormEvent, useEffect, useId, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  defaultRequestDocumentKind,
  type RequestDocumentKind,
  requestDocumentKinds,
} from "../../../../shared/contracts/access.js";
import { type Requirement, type ServiceKind, serviceKinds } from "../../../../shared/contracts/services.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCreateService } from "../api/create-service.js";
import { useService } from "../api/get-service.js";
import { useUpdateService } from "../api/update-service.js";
import { serviceKindLabels } from "../labels.js";
import "./services.css";
import { NumberField, typedNumber } from "../../../components/ui/number-field.js";
import { Interpolate } from "../../../components/ui/user-text.js";

type Row = {
  /** Keeps each row's inputs with the row when another is removed. */
  key: number;
  kind: "field" | "document";
  code: string;
  labelAr: string;
  fieldType: "text" | "number" | "date" | "boolean";
  validity: "none" | "not_expired" | "issued_within";
  months: string;
  /** What the document is: decides which roles may open it (shared/contracts/access.ts). */
  fileKind: RequestDocumentKind;
  required: boolean;
};

let nextKey = 0;

const emptyRow: Omit<Row, "key"> = {
  kind: "document",
  code: "",
  labelAr: "",
  fieldType: "text",
  validity: "none",
  months: "3",
  fileKind: defaultRequestDocumentKind,
  required: true,
};

function newRow(base: Omit<Row, "key"> = emptyRow): Row {
  nextKey += 1;
  return { ...base, key: nextKey };
}

function toRow(requirement: Requirement): Row {
  return newRow(
    requirement.kind === "field"
      ? {
          ...emptyRow,
          kind: "field",
          code: requirement.code,
          labelAr: requirement.labelAr,
          fieldType: requirement.fieldType,
          required: requirement.required,
        }
      : {
          ...emptyRow,
          code: requirement.code,
          labelAr: requirement.labelAr,
          validity: requirement.validity.kind,
          months: requirement.validity.kind === "issued_within" ? String(requirement.validity.months) : "3",
          fileKind: requirement.fileKind ?? defaultRequestDocumentKind,
          required: requirement.required,
        },
  );
}

function toRequirement(row: Row): Requirement {
  if (row.kind === "field")
    return {
      kind: "field",
      code: row.code.trim(),
      labelAr: row.labelAr.trim(),
      fieldType: row.fieldType,
      required: row.required,
    };
  const validity =
    row.validity === "issued_within"
      ? { kind: "issued_within" as const, months: typedNumber(row.months) ?? 0 }
      : { kind: row.validity };
  return {
    kind: "document",
    code: row.code.trim(),
    labelAr: row.labelAr.trim(),
    validity,
    fileKind: row.fileKind,
    required: row.required,
  };
}

/** Adds a service to the catalogue or changes one: its names, eligibility and requirements. */
export function ServiceFormPage() {
  const { serviceId } = useParams();
  const { t } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const existing = useService(serviceId);
  const create = useCreateService();
  const update = useUpdateService(serviceId ?? "");
  const [code, setCode] = useState("");
  const [nameAr, setNameAr] = useState("");
  const [kind, setKind] = useState<ServiceKind>("financial");
  const [eligibilityAr, setEligibility] = useState("");
  const [active, setActive] = useState(true);
  const [rows, setRows] = useState<Row[]>([]);
  const loaded = existing.data;

  useEffect(() => {
    if (!loaded) return;
    setCode(loaded.code);
    setNameAr(loaded.nameAr);
    setKind(loaded.kind);
    setEligibility(loaded.eligibilityAr);
    setActive(loaded.active);
    setRows(loaded.requirements.map(toRow));
  }, [loaded]);

  const error = create.error ?? update.error;
  const { locale, errorText } = useI18n();
  const reason =
    isApiError(error) && error.fieldErrors[0]
      ? `${error.fieldErrors[0].message[locale]}`
      : error
        ? errorText(error)
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A month count in words is said beside its field; nothing is sent until it is a number.
    if (rows.some((row) => row.validity === "issued_within" && typedNumber(row.months) === null)) return;
    const requirements = rows.map(toRequirement);
    const done = () => navigate("/services");
    if (serviceId) update.mutate({ nameAr, kind, eligibilityAr, requirements, active }, { onSuccess: done });
    else create.mutate({ code, nameAr, kind, eligibilityAr, requirements, active }, { onSuccess: done });
  };
  const change = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/services">{t("services.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {serviceId ? t("services.edit") : t("services.new")}
        </h1>
      </header>
      <form noValidate className="card form" onSubmit={submit}>
        <div className="service-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-name`}>
              {t("services.name")}
            </label>
            <input
              id={`${ids}-name`}
              className="field__input"
              required
              value={nameAr}
              onChange={(e) => setNameAr(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-code`}>
              {t("services.code")}
            </label>
            <input
              id={`${ids}-code`}
              className="field__input"
              dir="ltr"
              required
              readOnly={Boolean(serviceId)}
              pattern="[a-z][a-z0-9_]*"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <p className="field__hint">
              <Interpolate message={t("services.codeHint")} values={{ example: "monthly_aid" }} />
            </p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-kind`}>
              {t("services.kind")}
            </label>
            <select
              id={`${ids}-kind`}
              className="field__input"
              value={kind}
              onChange={(e) => setKind(e.target.value as ServiceKind)}
            >
              {serviceKinds.map((value) => (
                <option key={value} value={value}>
                  {t(serviceKindLabels[value])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-eligibility`}>
            {t("services.eligibility")}
          </label>
          <textarea
            id={`${ids}-eligibility`}
            className="field__input field__input--area"
            value={eligibilityAr}
            onChange={(e) => setEligibility(e.target.value)}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t("services.active")}
        </label>

        <fieldset className="requirements-editor">
          <legend className="card__title">{t("services.requirements")}</legend>
          {rows.map((row, index) => {
            const n = String(index + 1);
            return (
              <fieldset
                key={row.key}
                className="requirement-row"
                aria-label={t("services.requirement.n", { n })}
              >
                <div className="field">
                  <label className="field__label" htmlFor={`${ids}-${index}-kind`}>
                    {t("services.requirement.kind", { n })}
                  </label>
                  <select
                    id={`${ids}-${index}-kind`}
                    className="field__input"
                    value={row.kind}
                    onChange={(e) => change(index, { kind: e.target.value as Row["kind"] })}
                  >
                    <option value="document">{t("services.requirement.document")}</option>
                    <option value="field">{t("services.requirement.field")}</option>
                  </select>
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`${ids}-${index}-label`}>
                    {t("services.requirement.label", { n })}
                  </label>
                  <input
                    id={`${ids}-${index}-label`}
                    className="field__input"
                    required
                    value={row.labelAr}
                    onChange={(e) => change(index, { labelAr: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`${ids}-${index}-code`}>
                    {t("services.requirement.code", { n })}
                  </label>
                  <input
                    id={`${ids}-${index}-code`}
                    className="field__input"
                    dir="ltr"
                    required
                    pattern="[a-z][a-z0-9_]*"
                    value={row.code}
                    onChange={(e) => change(index, { code: e.target.value })}
                  />
                </div>
                {row.kind === "field" ? (
                  <div className="field">
                    <label className="field__label" htmlFor={`${ids}-${index}-type`}>
                      {t("services.requirement.fieldType", { n })}
                    </label>
                    <select
                      id={`${ids}-${index}-type`}
                      className="field__input"
                      value={row.fieldType}
                      onChange={(e) => change(index, { fieldType: e.target.value as Row["fieldType"] })}
                    >
                      {(["text", "number", "date", "boolean"] as const).map((value) => (
                        <option key={value} value={value}>
                          {t(`services.fieldType.${value}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <>
                    <div className="field">
                      <label className="field__label" htmlFor={`${ids}-${index}-file-kind`}>
                        {t("services.requirement.fileKind", { n })}
                      </label>
                      <select
                        id={`${ids}-${index}-file-kind`}
                        className="field__input"
                        value={row.fileKind}
                        onChange={(e) => change(index, { fileKind: e.target.value as RequestDocumentKind })}
                      >
                        {requestDocumentKinds.map((value) => (
                          <option key={value} value={value}>
                            {t(`services.fileKind.${value}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`${ids}-${index}-validity`}>
                        {t("services.requirement.validity", { n })}
                      </label>
                      <select
                        id={`${ids}-${index}-validity`}
                        className="field__input"
                        value={row.validity}
                        onChange={(e) => change(index, { validity: e.target.value as Row["validity"] })}
                      >
                        {(["none", "not_expired", "issued_within"] as const).map((value) => (
                          <option key={value} value={value}>
                            {t(`services.validity.${value}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    {row.validity === "issued_within" ? (
                      <NumberField
                        label={t("services.requirement.months", { n })}
                        value={row.months}
                        onChange={(months) => change(index, { months })}
                      />
                    ) : null}
                  </>
                )}
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={row.required}
                    onChange={(e) => change(index, { required: e.target.checked })}
                  />
                  {t("services.requirement.required")}
                </label>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setRows(rows.filter((_, i) => i !== index))}
                >
                  {t("services.requirement.remove", { n })}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRows([...rows, newRow()])}
          >
            {t("services.requirement.add")}
          </button>
        </fieldset>

        <div role="alert" className={reason ? "alert alert--error" : "visually-hidden"}>
          {reason}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || update.isPending}
          >
            {t("services.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
