import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import {
  type BeneficiaryView,
  dateInputSchema,
  fullNameSchema,
  type genderSchema,
  householdRelationSchema,
  type LawfulBasis,
  lawfulBasisSchema,
  nationalIdInputSchema,
  phoneInputSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import {
  channelNames,
  type NotificationChannel,
  notificationChannels,
} from "../../../../shared/contracts/channels.js";
import { parseSaudiPhone } from "../../../../shared/domain/index.js";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { type DuplicateCheckInput, useCheckDuplicates } from "../api/check-duplicates.js";
import { useBeneficiary } from "../api/get-beneficiary.js";
import { useCategories } from "../api/list-categories.js";
import { type RegisterBeneficiaryInput, useRegisterBeneficiary } from "../api/register-beneficiary.js";
import { type UpdateBeneficiaryInput, useUpdateBeneficiary } from "../api/update-beneficiary.js";
import { deskConsent, lawfulBasisLabels, relationLabels } from "../labels.js";
import { DuplicatePanel } from "./duplicate-panel.js";
import "./beneficiaries.css";

type Gender = z.infer<typeof genderSchema>;
type HouseholdRelation = z.infer<typeof householdRelationSchema>;
type PhoneRow = { key: number; value: string };
type HouseholdRow = {
  key: number;
  relation: HouseholdRelation | "";
  fullName: string;
  nationalId: string;
  /** As typed, Hijri or Gregorian, like the beneficiary's own birth date. */
  birthDate: string;
  gender: Gender | "";
};

type FormState = {
  fullName: string;
  nationalId: string;
  birthDate: string;
  gender: Gender | "";
  phones: PhoneRow[];
  email: string;
  preferredChannel: NotificationChannel | "";
  city: string;
  district: string;
  categoryCode: string;
  household: HouseholdRow[];
  /** The PDPL lawful basis chosen at the desk (ADR 0022); none chosen is refused by the server. */
  lawfulBasis: LawfulBasis | "";
};

let rowKeys = 0;
const nextKey = () => ++rowKeys;

function emptyForm(): FormState {
  return {
    fullName: "",
    nationalId: "",
    birthDate: "",
    gender: "",
    phones: [{ key: nextKey(), value: "" }],
    email: "",
    preferredChannel: "",
    city: "",
    district: "",
    categoryCode: "",
    household: [],
    lawfulBasis: "",
  };
}

/** The file as the form shows it: phones as dialled in the Kingdom, absent values as empty fields. */
function formFrom(view: BeneficiaryView): FormState {
  return {
    fullName: view.fullName,
    nationalId: view.nationalId ?? "",
    birthDate: view.birthDate ?? "",
    gender: view.gender ?? "",
    phones: (view.phones.length > 0 ? view.phones : [""]).map((value) => {
      const parsed = value ? parseSaudiPhone(value) : null;
      return { key: nextKey(), value: parsed?.ok ? parsed.national : value };
    }),
    email: view.email ?? "",
    preferredChannel: view.preferredChannel ?? "",
    city: view.city ?? "",
    district: view.district ?? "",
    categoryCode: view.categoryCode ?? "",
    household: view.household.map((member) => ({
      key: nextKey(),
      relation: member.relation,
      fullName: member.fullName,
      nationalId: member.nationalId ?? "",
      birthDate: member.birthDate ?? "",
      gender: member.gender ?? "",
    })),
    lawfulBasis: view.lawfulBasis ?? "",
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

/**
 * The request, and for each list entry sent the form row it came from, so an error the server
 * names `phones.0` or `household.1.fullName` lands beside the row the officer typed it in.
 */
function toRequest(form: FormState, confirmNotDuplicate: boolean) {
  const phones = form.phones.flatMap((row, index) => (row.value.trim() ? [{ index, value: row.value }] : []));
  const household = form.household.flatMap((row, index) =>
    row.relation || row.fullName.trim() || row.nationalId.trim() || row.birthDate.trim() || row.gender
      ? [{ index, row }]
      : [],
  );
  const body: RegisterBeneficiaryInput = {
    fullName: form.fullName,
    nationalId: optional(form.nationalId),
    birthDate: dateFieldValue(form.birthDate),
    // The server names a missing gender beside the field.
    gender: form.gender as Gender,
    phones: phones.map((phone) => phone.value),
    email: optional(form.email),
    preferredChannel: form.preferredChannel || undefined,
    city: optional(form.city),
    district: optional(form.district),
    categoryCode: optional(form.categoryCode),
    household: household.map(({ row }) => ({
      relation: row.relation as HouseholdRelation,
      fullName: row.fullName,
      nationalId: optional(row.nationalId),
      birthDate: row.birthDate.trim() ? dateFieldValue(row.birthDate) : undefined,
      gender: row.gender || undefined,
    })),
    lawfulBasis: form.lawfulBasis || undefined,
    consent: form.lawfulBasis === "consent" ? deskConsent : undefined,
    confirmNotDuplicate,
  };
  const rowOf = (path: string) =>
    path
      .replace(/^phones\.(\d+)/, (_whole, i: string) => `phones.${phones[Number(i)]?.index ?? i}`)
      .replace(/^household\.(\d+)/, (_whole, i: string) => `household.${household[Number(i)]?.index ?? i}`);
  return { body, rowOf };
}

// Fields a PATCH may empty by sending "" (the others are cleared by an officer on the phone, not here).
const clearableFields = ["city", "district"] as const;

/**
 * The edit as a partial request: each field whose value differs from the file as it was opened.
 * Lists (phones, household) are sent whole when any row changed, as the API replaces them.
 */
function toChanges(initial: FormState, form: FormState, confirmNotDuplicate: boolean) {
  const before = toRequest(initial, false).body as Record<string, unknown>;
  const { body, rowOf } = toRequest(form, confirmNotDuplicate);
  const after = body as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === "consent" || key === "lawfulBasis" || key === "confirmNotDuplicate") continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  for (const key of clearableFields) {
    if (before[key] !== undefined && after[key] === undefined) changes[key] = "";
  }
  const count = Object.keys(changes).length;
  if (confirmNotDuplicate) changes.confirmNotDuplicate = true;
  return { changes: changes as Omit<UpdateBeneficiaryInput, "beneficiaryId">, count, rowOf };
}

/** What is worth asking the duplicate check: only values that would pass, so a half-typed field asks nothing. */
function duplicateQuery(form: FormState, excludeId?: string): DuplicateCheckInput | null {
  if (!fullNameSchema.safeParse(form.fullName).success) return null;
  const valid = (schema: { safeParse: (v: string) => { success: boolean } }, text: string) =>
    text.trim() !== "" && schema.safeParse(text).success;
  return {
    fullName: form.fullName,
    nationalId: valid(nationalIdInputSchema, form.nationalId) ? form.nationalId : undefined,
    birthDate: valid(dateInputSchema, form.birthDate) ? dateFieldValue(form.birthDate) : undefined,
    phones: form.phones.map((row) => row.value).filter((value) => valid(phoneInputSchema, value)),
    householdIds: form.household
      .map((row) => row.nationalId)
      .filter((value) => valid(nationalIdInputSchema, value)),
    excludeId,
  };
}

const identifyingFields: readonly (keyof FormState)[] = [
  "fullName",
  "nationalId",
  "birthDate",
  "phones",
  "household",
];

const fieldId = (path: string) => `beneficiary-${path.replaceAll(".", "-")}`;

type TextFieldProps = {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error: string | undefined;
  hint?: string;
  optionalLabel?: string;
  type?: "text" | "email" | "tel";
  dir?: "ltr" | "auto";
  inputMode?: "numeric" | "tel" | "email" | "text";
  autoComplete?: string;
};

function TextField(props: TextFieldProps) {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
        {props.optionalLabel ? <span className="field__optional"> ({props.optionalLabel})</span> : null}
      </label>
      <input
        id={id}
        name={props.path}
        className="field__input"
        type={props.type ?? "text"}
        dir={props.dir}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? "off"}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint ? (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id} className="form-section__title">
        {title}
      </h2>
      <div className="form-section__grid">{children}</div>
    </section>
  );
}

export function RegisterBeneficiaryPage() {
  return <BeneficiaryForm />;
}

/** «تعديل البيانات»: the registration form, filled from the file, sending only what changed. */
export function EditBeneficiaryPage() {
  const { beneficiaryId = "" } = useParams();
  const { t, errorText } = useI18n();
  const file = useBeneficiary(beneficiaryId);
  if (file.isPending) {
    return (
      <p className="muted" aria-live="polite">
        {t("common.loading")}
      </p>
    );
  }
  if (file.isError) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(file.error)}
      </div>
    );
  }
  return <BeneficiaryForm key={file.data.id} existing={file.data} />;
}

function BeneficiaryForm({ existing }: { existing?: BeneficiaryView }) {
  const { t, locale, errorText } = useI18n();
  const navigate = useNavigate();
  const register = useRegisterBeneficiary();
  const update = useUpdateBeneficiary();
  const saving = existing ? update : register;
  const duplicates = useCheckDuplicates();
  const categories = useCategories();
  const [initial] = useState<FormState>(() => (existing ? formFrom(existing) : emptyForm()));
  const [form, setForm] = useState<FormState>(initial);
  const [unchanged, setUnchanged] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<"possible" | "same_national_id" | null>(null);
  const lastChecked = useRef<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const genderErrorId = useId();

  function change(patch: Partial<FormState>, clear: string[] = []) {
    setForm((current) => ({ ...current, ...patch }));
    setUnchanged(false);
    // A refusal was about what was typed then; once an identifying field changes, saving asks afresh.
    if (identifyingFields.some((field) => field in patch)) setRefused(null);
    if (clear.some((path) => errors[path])) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([p]) => !clear.includes(p))));
    }
  }

  function checkDuplicates() {
    const query = duplicateQuery(form, existing?.id);
    const key = query ? JSON.stringify(query) : null;
    if (!query || key === lastChecked.current) return;
    lastChecked.current = key;
    duplicates.mutate(query);
  }

  function save(confirmNotDuplicate: boolean) {
    const onSuccess = (beneficiary: BeneficiaryView) => navigate(`/beneficiaries/${beneficiary.id}`);
    if (existing) {
      const { changes, count, rowOf } = toChanges(initial, form, confirmNotDuplicate);
      if (count === 0) {
        setUnchanged(true);
        return;
      }
      update.mutate({ beneficiaryId: existing.id, ...changes }, { onSuccess, onError: onError(rowOf) });
      return;
    }
    const { body, rowOf } = toRequest(form, confirmNotDuplicate);
    register.mutate(body, { onSuccess, onError: onError(rowOf) });
  }

  function onError(rowOf: (path: string) => string) {
    return (failure: Error) => {
      if (!isApiError(failure)) return;
      const marked = Object.fromEntries(
        failure.fieldErrors.map((error) => [rowOf(error.path), error.message[locale]]),
      );
      setErrors(marked);
      if (failure.code === "possible_duplicates") {
        setRefused(marked.nationalId ? "same_national_id" : "possible");
        // The refusal names no records: ask for them, so the panel shows whom this may be.
        const query = duplicateQuery(form, existing?.id);
        if (query) {
          lastChecked.current = JSON.stringify(query);
          duplicates.mutate(query);
        }
        return;
      }
      setRefused(null);
      // Take the keyboard to the problem: the first marked field, or the alert.
      const first = failure.fieldErrors[0];
      const input = first ? document.getElementById(fieldId(rowOf(first.path))) : null;
      if (input) input.focus();
      else alertRef.current?.focus();
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(false);
  }

  // A refused save takes the officer to the warning, wherever on the form they pressed save.
  useEffect(() => {
    if (refused) panelRef.current?.focus();
  }, [refused]);

  const candidates = duplicates.data?.candidates ?? [];
  const showPanel = candidates.length > 0 || refused !== null;
  const failure = saving.error;
  const generalError =
    failure && !(isApiError(failure) && failure.code === "possible_duplicates") ? errorText(failure) : null;
  const activeCategories = (categories.data?.items ?? []).filter((category) => category.active);

  function setPhone(index: number, value: string) {
    change({ phones: form.phones.map((row, i) => (i === index ? { ...row, value } : row)) }, [
      `phones.${index}`,
    ]);
  }

  function setMember(index: number, patch: Partial<HouseholdRow>, field: string) {
    change({ household: form.household.map((row, i) => (i === index ? { ...row, ...patch } : row)) }, [
      `household.${index}.${field}`,
    ]);
  }

  const backTo = existing ? `/beneficiaries/${existing.id}` : "/beneficiaries";

  return (
    <section className="page" aria-labelledby="register-title">
      <header className="page__header">
        <p>
          <Link to={backTo}>{existing ? t("beneficiaries.edit.back") : t("beneficiaries.file.back")}</Link>
        </p>
        <h1 id="register-title" className="page__title">
          {existing ? t("beneficiaries.edit.title") : t("beneficiaries.new.title")}
        </h1>
        <p className="page__lead">
          {existing
            ? t("beneficiaries.edit.intro", { name: existing.fullName })
            : t("beneficiaries.new.intro")}
        </p>
      </header>

      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className={generalError ? "alert alert--error" : "alert"}
      >
        {generalError}
      </div>

      <form className="form register-form" onSubmit={onSubmit} noValidate>
        <FormSection title={t("beneficiaries.form.section.identity")}>
          <div className="form-section__wide">
            <TextField
              path="fullName"
              label={t("beneficiaries.form.fullName")}
              hint={t("beneficiaries.form.fullNameHint")}
              value={form.fullName}
              onChange={(fullName) => change({ fullName }, ["fullName"])}
              onBlur={() => checkDuplicates()}
              error={errors.fullName}
              autoComplete="name"
            />
          </div>
          <TextField
            path="nationalId"
            label={t("beneficiaries.form.nationalId")}
            hint={t("beneficiaries.form.nationalIdHint")}
            value={form.nationalId}
            onChange={(nationalId) => change({ nationalId }, ["nationalId"])}
            onBlur={() => checkDuplicates()}
            error={errors.nationalId}
            dir="ltr"
            inputMode="numeric"
          />
          <DateField
            id={fieldId("birthDate")}
            name="birthDate"
            label={t("beneficiaries.form.birthDate")}
            value={form.birthDate}
            onChange={(birthDate) => change({ birthDate }, ["birthDate"])}
            onBlur={() => checkDuplicates()}
            error={errors.birthDate}
            notAfterToday
          />
          <fieldset
            className="field choice-group"
            aria-invalid={errors.gender ? true : undefined}
            aria-describedby={errors.gender ? genderErrorId : undefined}
          >
            <legend className="field__label">{t("beneficiaries.form.gender")}</legend>
            <div className="choice-group__options">
              {(["male", "female"] as const).map((gender) => (
                <label key={gender} className="choice">
                  <input
                    type="radio"
                    name="gender"
                    id={gender === "male" ? fieldId("gender") : undefined}
                    value={gender}
                    checked={form.gender === gender}
                    onChange={() => change({ gender }, ["gender"])}
                  />
                  {t(`beneficiaries.gender.${gender}`)}
                </label>
              ))}
            </div>
            {errors.gender ? (
              <p className="field__error" id={genderErrorId}>
                {errors.gender}
              </p>
            ) : null}
          </fieldset>
        </FormSection>

        <div ref={panelRef} tabIndex={-1} className="duplicate-region" aria-live="polite">
          {showPanel ? (
            <DuplicatePanel
              candidates={candidates}
              refused={refused}
              saving={saving.isPending}
              onConfirm={() => save(true)}
            />
          ) : null}
        </div>

        <FormSection title={t("beneficiaries.form.section.contact")}>
          <div className="phone-rows">
            {form.phones.map((row, index) => (
              <div key={row.key} className="phone-row">
                <TextField
                  path={`phones.${index}`}
                  label={
                    index === 0
                      ? t("beneficiaries.form.phone")
                      : t("beneficiaries.form.extraPhone", { number: String(index) })
                  }
                  hint={index === 0 ? t("beneficiaries.form.phoneHint") : undefined}
                  value={row.value}
                  onChange={(value) => setPhone(index, value)}
                  onBlur={() => checkDuplicates()}
                  error={errors[`phones.${index}`]}
                  type="tel"
                  dir="ltr"
                  inputMode="tel"
                />
                {index > 0 ? (
                  <button
                    type="button"
                    className="button button--quiet phone-row__remove"
                    onClick={() => change({ phones: form.phones.filter((_, i) => i !== index) })}
                  >
                    {t("beneficiaries.form.removePhone", { number: String(index) })}
                  </button>
                ) : null}
              </div>
            ))}
            {form.phones.length < 5 ? (
              <div>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => change({ phones: [...form.phones, { key: nextKey(), value: "" }] })}
                >
                  {t("beneficiaries.form.addPhone")}
                </button>
              </div>
            ) : null}
          </div>
          <TextField
            path="email"
            label={t("beneficiaries.form.email")}
            optionalLabel={t("beneficiaries.form.optional")}
            value={form.email}
            onChange={(email) => change({ email }, ["email"])}
            error={errors.email}
            type="email"
            dir="ltr"
            inputMode="email"
          />
          <div className="field">
            <label className="field__label" htmlFor={fieldId("preferredChannel")}>
              {t("beneficiaries.form.preferredChannel")}
            </label>
            <select
              id={fieldId("preferredChannel")}
              className="field__input"
              value={form.preferredChannel}
              onChange={(event) =>
                change({ preferredChannel: event.target.value as NotificationChannel | "" }, [
                  "preferredChannel",
                ])
              }
            >
              <option value="">{t("beneficiaries.form.preferredChannelNone")}</option>
              {notificationChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {channelNames[channel][locale]}
                </option>
              ))}
            </select>
          </div>
          <TextField
            path="city"
            label={t("beneficiaries.form.city")}
            value={form.city}
            onChange={(city) => change({ city }, ["city"])}
            error={errors.city}
          />
          <TextField
            path="district"
            label={t("beneficiaries.form.district")}
            value={form.district}
            onChange={(district) => change({ district }, ["district"])}
            error={errors.district}
          />
          <div className="field">
            <label className="field__label" htmlFor={fieldId("categoryCode")}>
              {t("beneficiaries.form.category")}
              <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
            </label>
            <select
              id={fieldId("categoryCode")}
              className="field__input"
              value={form.categoryCode}
              onChange={(event) => change({ categoryCode: event.target.value }, ["categoryCode"])}
              aria-invalid={errors.categoryCode ? true : undefined}
            >
              <option value="">{t("beneficiaries.form.categoryNone")}</option>
              {activeCategories.map((category) => (
                <option key={category.id} value={category.code}>
                  {locale === "en" && category.nameEn ? category.nameEn : category.nameAr}
                </option>
              ))}
            </select>
            {errors.categoryCode ? <p className="field__error">{errors.categoryCode}</p> : null}
          </div>
        </FormSection>

        <FormSection title={t("beneficiaries.form.section.household")}>
          <p className="muted form-section__wide">{t("beneficiaries.form.household.intro")}</p>
          {form.household.length === 0 ? (
            <p className="muted form-section__wide">{t("beneficiaries.form.household.empty")}</p>
          ) : null}
          {form.household.map((row, index) => {
            const number = String(index + 1);
            const relationId = fieldId(`household.${index}.relation`);
            return (
              <fieldset key={row.key} className="household-row form-section__wide">
                <legend className="household-row__legend">
                  {t("beneficiaries.form.household.member", { number })}
                </legend>
                <div className="field">
                  <label className="field__label" htmlFor={relationId}>
                    {t("beneficiaries.form.household.relation")}
                  </label>
                  <select
                    id={relationId}
                    className="field__input"
                    value={row.relation}
                    onChange={(event) =>
                      setMember(index, { relation: event.target.value as HouseholdRelation | "" }, "relation")
                    }
                    aria-invalid={errors[`household.${index}.relation`] ? true : undefined}
                  >
                    <option value="">{t("beneficiaries.form.household.relationChoose")}</option>
                    {householdRelationSchema.options.map((relation) => (
                      <option key={relation} value={relation}>
                        {t(relationLabels[relation])}
                      </option>
                    ))}
                  </select>
                  {errors[`household.${index}.relation`] ? (
                    <p className="field__error">{errors[`household.${index}.relation`]}</p>
                  ) : null}
                </div>
                <TextField
                  path={`household.${index}.fullName`}
                  label={t("beneficiaries.form.household.fullName")}
                  value={row.fullName}
                  onChange={(fullName) => setMember(index, { fullName }, "fullName")}
                  error={errors[`household.${index}.fullName`]}
                />
                <TextField
                  path={`household.${index}.nationalId`}
                  label={t("beneficiaries.form.household.nationalId")}
                  optionalLabel={t("beneficiaries.form.optional")}
                  value={row.nationalId}
                  onChange={(nationalId) => setMember(index, { nationalId }, "nationalId")}
                  onBlur={() => checkDuplicates()}
                  error={errors[`household.${index}.nationalId`]}
                  dir="ltr"
                  inputMode="numeric"
                />
                <DateField
                  id={fieldId(`household.${index}.birthDate`)}
                  name={`household.${index}.birthDate`}
                  label={t("beneficiaries.form.household.birthDate")}
                  optionalLabel={t("beneficiaries.form.optional")}
                  value={row.birthDate}
                  onChange={(birthDate) => setMember(index, { birthDate }, "birthDate")}
                  error={errors[`household.${index}.birthDate`]}
                  notAfterToday
                />
                <div className="field">
                  <label className="field__label" htmlFor={fieldId(`household.${index}.gender`)}>
                    {t("beneficiaries.form.household.gender")}
                    <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
                  </label>
                  <select
                    id={fieldId(`household.${index}.gender`)}
                    className="field__input"
                    value={row.gender}
                    onChange={(event) =>
                      setMember(index, { gender: event.target.value as Gender | "" }, "gender")
                    }
                    aria-invalid={errors[`household.${index}.gender`] ? true : undefined}
                  >
                    <option value="">{t("beneficiaries.form.household.genderChoose")}</option>
                    <option value="male">{t("beneficiaries.gender.male")}</option>
                    <option value="female">{t("beneficiaries.gender.female")}</option>
                  </select>
                  {errors[`household.${index}.gender`] ? (
                    <p className="field__error">{errors[`household.${index}.gender`]}</p>
                  ) : null}
                </div>
                <div className="household-row__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => change({ household: form.household.filter((_, i) => i !== index) })}
                  >
                    {t("beneficiaries.form.household.remove", { number })}
                  </button>
                </div>
              </fieldset>
            );
          })}
          <div className="form-section__wide">
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                change({
                  household: [
                    ...form.household,
                    { key: nextKey(), relation: "", fullName: "", nationalId: "", birthDate: "", gender: "" },
                  ],
                })
              }
            >
              {t("beneficiaries.form.household.add")}
            </button>
          </div>
        </FormSection>

        {existing ? null : (
          <FormSection title={t("beneficiaries.form.section.consent")}>
            <fieldset
              className="form-section__wide field choice-group consent"
              aria-invalid={errors.lawfulBasis || errors.consent ? true : undefined}
              aria-describedby={`beneficiary-consent-hint${errors.lawfulBasis || errors.consent ? " beneficiary-lawfulBasis-error" : ""}`}
            >
              <legend className="field__label">{t("beneficiaries.form.lawfulBasis")}</legend>
              <div className="choice-group__options choice-group__options--stacked">
                {lawfulBasisSchema.options.map((basis) => (
                  <label key={basis} className="choice">
                    <input
                      type="radio"
                      name="lawfulBasis"
                      id={basis === "consent" ? fieldId("lawfulBasis") : undefined}
                      value={basis}
                      checked={form.lawfulBasis === basis}
                      onChange={() => change({ lawfulBasis: basis }, ["lawfulBasis", "consent"])}
                    />
                    {t(lawfulBasisLabels[basis])}
                  </label>
                ))}
              </div>
              <p className="field__hint" id="beneficiary-consent-hint">
                {t("beneficiaries.form.consentHint")}
              </p>
              {errors.lawfulBasis || errors.consent ? (
                <p className="field__error" id="beneficiary-lawfulBasis-error">
                  {errors.lawfulBasis ?? errors.consent}
                </p>
              ) : null}
            </fieldset>
          </FormSection>
        )}

        <p className="notice" aria-live="polite" hidden={!unchanged}>
          {unchanged ? t("beneficiaries.edit.unchanged") : null}
        </p>

        <div className="form-actions">
          <button className="button button--primary" type="submit" disabled={saving.isPending}>
            {saving.isPending
              ? t("beneficiaries.form.submitting")
              : existing
                ? t("beneficiaries.edit.submit")
                : t("beneficiaries.form.submit")}
          </button>
          <Link className="button button--quiet" to={backTo}>
            {t("beneficiaries.form.cancel")}
          </Link>
        </div>
      </form>
    </section>
  );
}
