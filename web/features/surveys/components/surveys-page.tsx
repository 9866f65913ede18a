import { useId } from "react";
import { Link } from "react-router";
import { DualDate } from "../../../components/ui/dual-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { usePostServiceCounts, useSurveys } from "../api/surveys-api.js";
import { heldBackLabels, purposeLabels, statusLabels } from "../labels.js";
import { SurveySettingsSection } from "./survey-settings.js";
import "./surveys.css";

/** «الاستبانات» (S1): the association's satisfaction surveys, a new one, and when they are sent. */
export function SurveysPage({
  canChangeSettings,
  canReadResults,
}: {
  canChangeSettings: boolean;
  canReadResults: boolean;
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const surveys = useSurveys();

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("surveys.title")}
        </h1>
        <p className="page__lead">{t("surveys.intro")}</p>
        <div className="survey-links">
          <Link className="button button--primary" to="/surveys/new">
            {t("surveys.new")}
          </Link>
          <Link className="button button--secondary" to="/survey-campaigns">
            {t("surveys.campaigns.link")}
          </Link>
        </div>
      </header>

      <section className="card" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="card__title">
          {t("surveys.list.title")}
        </h2>
        {surveys.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {surveys.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(surveys.error)}
          </div>
        ) : null}
        {surveys.isSuccess && surveys.data.items.length === 0 ? (
          <p className="empty">{t("surveys.list.empty")}</p>
        ) : null}
        {surveys.isSuccess && surveys.data.items.length > 0 ? (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t("surveys.list.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("surveys.list.name")}</th>
                  <th scope="col">{t("surveys.list.purpose")}</th>
                  <th scope="col">{t("surveys.list.status")}</th>
                  <th scope="col">{t("surveys.list.version")}</th>
                  <th scope="col">{t("surveys.list.invitations")}</th>
                  <th scope="col">{t("surveys.list.answers")}</th>
                  <th scope="col">{t("surveys.list.updated")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("surveys.list.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {surveys.data.items.map((survey) => (
                  <tr key={survey.id}>
                    <th scope="row">
                      <Link to={`/surveys/${survey.id}`}>
                        <UserText>{survey.name}</UserText>
                      </Link>
                    </th>
                    <td>{t(purposeLabels[survey.purpose])}</td>
                    <td>{t(statusLabels[survey.status])}</td>
                    <td>{survey.currentVersion}</td>
                    <td>{survey.invitations}</td>
                    <td>{survey.answers}</td>
                    <td>
                      <DualDate value={survey.updatedAt} />
                    </td>
                    <td>
                      {canReadResults ? (
                        <Link to={`/surveys/${survey.id}/results`}>{t("surveys.results.link")}</Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <SurveySettingsSection surveys={surveys.data?.items ?? []} canChange={canChangeSettings} />
      {canReadResults ? <PostServiceCounts /> : null}
    </section>
  );
}

/** The post-service invitations counted: how many went, were held back (and why), reminded, answered. */
function PostServiceCounts() {
  const { t, errorText } = useI18n();
  const ids = useId();
  const counts = usePostServiceCounts(true);
  const data = counts.data;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.postService.title")}
      </h2>
      {counts.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {counts.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(counts.error)}
        </div>
      ) : null}
      {data ? (
        <table className="table">
          <caption className="visually-hidden">{t("surveys.postService.title")}</caption>
          <tbody>
            <tr>
              <th scope="row">{t("surveys.campaigns.invited")}</th>
              <td>{data.invited}</td>
            </tr>
            {(Object.keys(heldBackLabels) as (keyof typeof heldBackLabels)[]).map((reason) => (
              <tr key={reason}>
                <th scope="row">
                  {t("surveys.campaigns.heldBack")}: {t(heldBackLabels[reason])}
                </th>
                <td>{data.heldBack[reason]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("surveys.campaigns.reminded")}</th>
              <td>{data.reminded}</td>
            </tr>
            <tr>
              <th scope="row">{t("surveys.campaigns.answered")}</th>
              <td>{data.answered}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
