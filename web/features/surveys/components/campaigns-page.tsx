import { type FormEvent, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import type { CampaignAudience, CampaignView } from "../../../../shared/contracts/surveys.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DateField, readDateField, todayIso } from "../../../components/ui/date-field.js";
import { NumberField, typedNumber } from "../../../components/ui/number-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import {
  useAudienceCategories,
  useAudienceServices,
  useCampaigns,
  useCreateCampaign,
  useSurveys,
} from "../api/surveys-api.js";
import { audienceLabels, heldBackLabels } from "../labels.js";
import { responseRate } from "../rates.js";
import { TextField } from "./text-field.js";
import "./surveys.css";

const audienceKinds: CampaignAudience["kind"][] = ["everyone", "category", "service"];

/** «حملات الاستبانات»: a periodic survey sent to an audience, and what became of each invitation. */
export function CampaignsPage({ canReadResults }: { canReadResults: boolean }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const campaigns = useCampaigns(canReadResults);
  const categories = useAudienceCategories();
  const services = useAudienceServices();
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const percent = useMemo(
    () =>
      new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
        style: "percent",
        maximumFractionDigits: 1,
      }),
    [locale],
  );

  const audienceText = (audience: CampaignAudience) => {
    const named =
      audience.kind === "category"
        ? categories.data?.items.find((c) => c.id === audience.categoryId)?.nameAr
        : audience.kind === "service"
          ? services.data?.items.find((s) => s.id === audience.serviceId)?.nameAr
          : undefined;
    return (
      <>
        {t(audienceLabels[audience.kind])}
        {named ? (
          <>
            {": "}
            <UserText>{named}</UserText>
          </>
        ) : null}
        {audience.sampleSize ? (
          <span className="muted"> — {t("surveys.campaigns.sampleOf", { count: audience.sampleSize })}</span>
        ) : null}
      </>
    );
  };

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to="/surveys">{t("surveys.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("surveys.campaigns.title")}
        </h1>
        <p className="page__lead">{t("surveys.campaigns.intro")}</p>
      </header>

      <CampaignForm
        key={formKey}
        onCreated={(campaign) => {
          setCreated(campaign.name);
          setFormKey((k) => k + 1);
        }}
      />
      {created ? (
        <p role="status" className="alert alert--success">
          {t("surveys.campaigns.created", { name: created })}
        </p>
      ) : null}

      <section className="card" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="card__title">
          {t("surveys.campaigns.list")}
        </h2>
        {canReadResults ? null : <p className="muted">{t("surveys.campaigns.countsForResults")}</p>}
        {canReadResults && campaigns.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {campaigns.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(campaigns.error)}
          </div>
        ) : null}
        {campaigns.isSuccess && campaigns.data.items.length === 0 ? (
          <p className="empty">{t("surveys.campaigns.empty")}</p>
        ) : null}
        {campaigns.isSuccess && campaigns.data.items.length > 0 ? (
          <div className="table-scroll">
            <table className="table survey-campaigns">
              <caption className="visually-hidden">{t("surveys.campaigns.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("surveys.campaigns.name")}</th>
                  <th scope="col">{t("surveys.campaigns.survey")}</th>
                  <th scope="col">{t("surveys.campaigns.audience")}</th>
                  <th scope="col">{t("surveys.campaigns.closesOn")}</th>
                  <th scope="col">{t("surveys.campaigns.audienceSize")}</th>
                  <th scope="col">{t("surveys.campaigns.invited")}</th>
                  <th scope="col">{t("surveys.campaigns.heldBack")}</th>
                  <th scope="col">{t("surveys.campaigns.reminded")}</th>
                  <th scope="col">{t("surveys.campaigns.answered")}</th>
                  <th scope="col">{t("surveys.campaigns.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.data.items.map((campaign) => {
                  const rate = responseRate(campaign.answered, campaign.invited);
                  return (
                    <tr key={campaign.id}>
                      <th scope="row">
                        <UserText>{campaign.name}</UserText>
                        <div className="muted">
                          <UserText>{campaign.createdBy.fullName}</UserText>
                        </div>
                      </th>
                      <td>
                        {canReadResults ? (
                          <Link to={`/surveys/${campaign.survey.id}/results`}>
                            <UserText>{campaign.survey.name}</UserText>
                          </Link>
                        ) : (
                          <UserText>{campaign.survey.name}</UserText>
                        )}
                      </td>
                      <td>{audienceText(campaign.audience)}</td>
                      <td>
                        <CalendarDate value={campaign.closesOn} />
                      </td>
                      <td>{campaign.audienceSize}</td>
                      <td>{campaign.invited}</td>
                      <td>
                        <ul className="plain-list survey-held-back">
                          {(Object.keys(heldBackLabels) as (keyof CampaignView["heldBack"])[]).map(
                            (reason) => (
                              <li key={reason}>
                                {t(heldBackLabels[reason])}: {campaign.heldBack[reason]}
                              </li>
                            ),
                          )}
                        </ul>
                      </td>
                      <td>{campaign.reminded}</td>
                      <td>{campaign.answered}</td>
                      <td>{rate === null ? "—" : percent.format(rate)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </section>
  );
}

function CampaignForm({ onCreated }: { onCreated: (campaign: CampaignView) => void }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const surveys = useSurveys();
  const categories = useAudienceCategories();
  const services = useAudienceServices();
  const create = useCreateCampaign();
  const [surveyId, setSurveyId] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<CampaignAudience["kind"]>("everyone");
  const [categoryId, setCategoryId] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [sample, setSample] = useState("");
  const [closesOn, setClosesOn] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const active = (surveys.data?.items ?? []).filter((s) => s.status === "active");
  const server = (path: string) =>
    isApiError(create.error) ? create.error.fieldMessage(path)?.[locale] : undefined;
  const error = (path: string) => local[path] ?? server(path);
  const required = (label: string) => t("field.form.required", { field: label });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!surveyId) problems.surveyId = required(t("surveys.campaigns.survey"));
    if (!name.trim()) problems.name = required(t("surveys.campaigns.name"));
    if (kind === "category" && !categoryId)
      problems["audience.categoryId"] = required(t("surveys.campaigns.category"));
    if (kind === "service" && !serviceId)
      problems["audience.serviceId"] = required(t("surveys.campaigns.service"));
    const sampleSize = sample.trim() ? typedNumber(sample) : undefined;
    if (sampleSize !== undefined && (sampleSize === null || sampleSize < 1 || sampleSize > 100_000))
      problems["audience.sampleSize"] = t("surveys.campaigns.sampleInvalid");
    const day = readDateField(closesOn, t("surveys.campaigns.closesOn"), { notBefore: todayIso() });
    if (!day) problems.closesOn = required(t("surveys.campaigns.closesOn"));
    else if (!day.ok) problems.closesOn = day.message[locale];
    setLocal(problems);
    if (Object.keys(problems).length || !day?.ok) return;
    create.mutate(
      {
        surveyId,
        name: name.trim(),
        audience: {
          kind,
          ...(kind === "category" ? { categoryId } : {}),
          ...(kind === "service" ? { serviceId } : {}),
          ...(sampleSize ? { sampleSize } : {}),
        },
        closesOn: day.iso,
      },
      { onSuccess: onCreated },
    );
  }

  const placed = /^(surveyId|name|closesOn|audience(\.(kind|categoryId|serviceId|sampleSize))?)$/;
  const generalError =
    create.error &&
    !(
      isApiError(create.error) &&
      create.error.fieldErrors.length > 0 &&
      create.error.fieldErrors.every((f) => placed.test(f.path))
    )
      ? errorText(create.error)
      : null;
  const errorLine = (path: string) =>
    error(path) ? (
      <p className="field__error" id={`${ids}-${path}-error`}>
        {error(path)}
      </p>
    ) : null;
  const described = (path: string) => (error(path) ? `${ids}-${path}-error` : undefined);

  return (
    <form className="card form" noValidate onSubmit={onSubmit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.campaigns.new")}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-survey`}>
          {t("surveys.campaigns.survey")}
        </label>
        <select
          id={`${ids}-survey`}
          className="field__input"
          value={surveyId}
          onChange={(event) => setSurveyId(event.target.value)}
          aria-invalid={error("surveyId") ? true : undefined}
          aria-describedby={described("surveyId")}
        >
          <option value="">{t("surveys.campaigns.chooseSurvey")}</option>
          {active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {surveys.isSuccess && active.length === 0 ? (
          <p className="field__hint">{t("surveys.campaigns.noActive")}</p>
        ) : null}
        {errorLine("surveyId")}
      </div>
      <TextField label={t("surveys.campaigns.name")} value={name} onChange={setName} error={error("name")} />
      <fieldset className="choice-group" aria-describedby={described("audience")}>
        <legend className="field__label">{t("surveys.campaigns.audience")}</legend>
        <div className="choice-group__options">
          {audienceKinds.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${ids}-audience`}
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(audienceLabels[value])}
            </label>
          ))}
        </div>
        {errorLine("audience")}
      </fieldset>
      {kind === "category" ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-category`}>
            {t("surveys.campaigns.category")}
          </label>
          <select
            id={`${ids}-category`}
            className="field__input"
            value={categoryId}
            onChange={(event) => setCategoryId(event.target.value)}
            aria-invalid={error("audience.categoryId") ? true : undefined}
            aria-describedby={described("audience.categoryId")}
          >
            <option value="">{t("surveys.campaigns.chooseCategory")}</option>
            {(categories.data?.items ?? [])
              .filter((c) => c.active)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {locale === "en" && c.nameEn ? c.nameEn : c.nameAr}
                </option>
              ))}
          </select>
          {errorLine("audience.categoryId")}
        </div>
      ) : null}
      {kind === "service" ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-service`}>
            {t("surveys.campaigns.service")}
          </label>
          <select
            id={`${ids}-service`}
            className="field__input"
            value={serviceId}
            onChange={(event) => setServiceId(event.target.value)}
            aria-invalid={error("audience.serviceId") ? true : undefined}
            aria-describedby={described("audience.serviceId")}
          >
            <option value="">{t("surveys.campaigns.chooseService")}</option>
            {(services.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {locale === "en" && s.nameEn ? s.nameEn : s.nameAr}
              </option>
            ))}
          </select>
          {errorLine("audience.serviceId")}
        </div>
      ) : null}
      <NumberField
        label={t("surveys.campaigns.sample")}
        hint={t("surveys.campaigns.sampleHint")}
        value={sample}
        onChange={setSample}
        error={error("audience.sampleSize")}
      />
      <DateField
        label={t("surveys.campaigns.closesOn")}
        hint={t("surveys.campaigns.closesOnHint")}
        value={closesOn}
        onChange={setClosesOn}
        notBefore={todayIso()}
        error={error("closesOn")}
      />
      {generalError ? (
        <div role="alert" className="alert alert--error">
          {generalError}
        </div>
      ) : null}
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? t("surveys.campaigns.sending") : t("surveys.campaigns.create")}
      </button>
    </form>
  );
}
