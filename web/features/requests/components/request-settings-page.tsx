import { type FormEvent, useId, useState } from "react";
import type { z } from "zod";
import type { requestSettingsSchema } from "../../../../shared/contracts/requests.js";
import { type AssociationRole, associationRoles } from "../../../../shared/contracts/roles.js";
import type { ResponsePeriodRule } from "../../../../shared/domain/index.js";
import { NumberField, typedNumber } from "../../../components/ui/number-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useRequestSettings } from "../api/get-request-settings.js";
import { useUpdateRequestSettings } from "../api/update-request-settings.js";
import { PolicyWordingSection } from "./policy-wording-section.js";

type Settings = z.infer<typeof requestSettingsSchema>;
const units = ["working_days", "days", "weeks", "months"] as const;
const bounds = ["max", "min", "target"] as const;
const starts = ["completion", "submission"] as const;

/** «إعدادات الطلبات»: the response period and the role requests are referred to (administrator). */
export function RequestSettingsPage() {
  const { t } = useI18n();
  const ids = useId();
  const settings = useRequestSettings();
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("requests.settings.title")}
        </h1>
        <p className="page__lead">{t("requests.settings.intro")}</p>
      </header>
      {settings.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {settings.isError ? (
        <div role="alert" className="alert alert--error">
          {t("requests.settings.loadFailed")}
        </div>
      ) : null}
      {settings.isSuccess ? <SettingsForm settings={settings.data} /> : null}
      <PolicyWordingSection />
    </section>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const save = useUpdateRequestSettings();
  const [value, setValue] = useState(String(settings.responsePeriod.value));
  const [unit, setUnit] = useState<ResponsePeriodRule["unit"]>(settings.responsePeriod.unit);
  const [bound, setBound] = useState<ResponsePeriodRule["bound"]>(settings.responsePeriod.bound);
  const [startsAt, setStartsAt] = useState<ResponsePeriodRule["startsAt"]>(settings.responsePeriod.startsAt);
  const [referralRole, setReferralRole] = useState<AssociationRole>(
    (associationRoles as readonly string[]).includes(settings.referralRole)
      ? (settings.referralRole as AssociationRole)
      : "social_researcher",
  );
  const [valueError, setValueError] = useState(false);
  const current = save.data ?? settings;
  const fromPolicy = current.responsePeriodSource === "policy";

  const serverError = (path: string) =>
    isApiError(save.error) ? save.error.fieldMessage(path)?.[locale] : undefined;
  const valueMessage = valueError ? t("requests.settings.error.value") : serverError("responsePeriod.value");
  const roleMessage = serverError("referralRole");
  const generalError = save.error && !valueMessage && !roleMessage ? errorText(save.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = typedNumber(value);
    const bad = number === null || number < 1 || number > 3650;
    setValueError(bad);
    if (bad) {
      document.getElementById(`${ids}-value`)?.focus();
      return;
    }
    save.mutate({
      ...(current.referralRoleSource === "policy" ? {} : { referralRole }),
      ...(fromPolicy ? {} : { responsePeriod: { value: number, unit, bound, startsAt } }),
    });
  }

  const select = <T extends string>(
    key: string,
    label: string,
    options: readonly T[],
    chosen: T,
    set: (v: T) => void,
    text: (v: T) => string,
    disabled = false,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {label}
      </label>
      <select
        id={`${ids}-${key}`}
        className="field__input"
        value={chosen}
        disabled={disabled}
        onChange={(event) => set(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <h2 className="card__title">{t("requests.settings.period")}</h2>
      <p className="muted">
        {fromPolicy
          ? t("requests.settings.fromPolicy")
          : current.responsePeriodSource === "settings"
            ? t("requests.settings.fromSettings")
            : t("requests.settings.fromDefault")}
      </p>
      <div className="form-section__grid">
        <NumberField
          id={`${ids}-value`}
          label={t("requests.settings.value")}
          value={value}
          disabled={fromPolicy}
          onChange={(text) => {
            setValue(text);
            setValueError(false);
          }}
          error={valueMessage}
        />
        {select(
          "unit",
          t("requests.settings.unit"),
          units,
          unit,
          setUnit,
          (u) => t(`requests.settings.unit.${u}`),
          fromPolicy,
        )}
        {select(
          "bound",
          t("requests.settings.bound"),
          bounds,
          bound,
          setBound,
          (b) => t(`requests.settings.bound.${b}`),
          fromPolicy,
        )}
        {select(
          "startsAt",
          t("requests.settings.startsAt"),
          starts,
          startsAt,
          setStartsAt,
          (s) => t(`requests.settings.startsAt.${s}`),
          fromPolicy,
        )}
      </div>

      <h2 className="card__title">{t("requests.settings.referral")}</h2>
      <div className="form-section__grid">
        {select(
          "referralRole",
          t("requests.settings.referralRole"),
          associationRoles,
          referralRole,
          setReferralRole,
          (role) => t(`role.${role}`),
          current.referralRoleSource === "policy",
        )}
      </div>
      {current.referralRoleSource === "policy" ? (
        <p className="muted">{t("requests.settings.referralFromPolicy")}</p>
      ) : null}
      {roleMessage ? <p className="field__error">{roleMessage}</p> : null}
      <p className="muted">
        {current.referralStaff.length === 0
          ? t("requests.settings.noReferralStaff")
          : t("requests.settings.referralStaff", { count: current.referralStaff.length })}{" "}
        {current.referralStaff.map((person, index) => (
          <span key={person.id}>
            {index > 0 ? "، " : null}
            <bdi>{person.fullName}</bdi>
          </span>
        ))}
      </p>

      <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
        {generalError}
      </div>
      <p className="success" aria-live="polite">
        {save.isSuccess ? t("requests.settings.saved") : null}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t("requests.settings.saving") : t("requests.settings.save")}
        </button>
      </div>
    </form>
  );
}
