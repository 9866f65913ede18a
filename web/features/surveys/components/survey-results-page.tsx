import { useCallback, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import type { Question, SurveyResults } from "../../../../shared/contracts/surveys.js";
import { DateField, readDateField } from "../../../components/ui/date-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { Chart } from "../../dashboards/components/chart.js";
import { useSurvey, useSurveyResults } from "../api/surveys-api.js";
import { csatPointLabels, likertPointLabels, questionKindLabels, themeLabel } from "../labels.js";
import { responseRate } from "../rates.js";
import "./surveys.css";

type QuestionResult = SurveyResults["questions"][number];

/**
 * A figure chart and the table behind it: the chart for the eye, the same figures as a table for
 * screen readers (shown on request), as on the dashboard.
 */
function ChartWithTable({
  title,
  head,
  rows,
  format,
}: {
  title: string;
  head: string;
  rows: readonly { id: string; label: string; count: number; person?: boolean }[];
  format: (value: number) => string;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [shown, setShown] = useState(false);
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo(
    () => [{ name: t("surveys.results.count"), values: rows.map((r) => r.count) }],
    [rows, t],
  );
  return (
    <div className="survey-chart">
      {rows.some((r) => r.count > 0) ? (
        <Chart kind="bar" categories={categories} series={series} label={title} format={format} />
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={shown}
        aria-controls={`${ids}-table`}
        onClick={() => setShown((value) => !value)}
      >
        {shown ? t("dashboards.hideTable") : t("dashboards.showTable")}
      </button>
      <div
        id={`${ids}-table`}
        className={shown ? "table-scroll" : "table-scroll survey-chart__table--hidden"}
      >
        <table className="table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t("surveys.results.count")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.person ? <UserText>{row.label}</UserText> : row.label}</th>
                <td>{format(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A survey's results for a period (S1, G6): aggregates only, never one person's answers with a name. */
export function SurveyResultsPage({ surveyId }: { surveyId: string }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const [fromText, setFromText] = useState("");
  const [toText, setToText] = useState("");
  const from = readDateField(fromText, t("surveys.results.from"));
  const to = readDateField(toText, t("surveys.results.to"));
  const results = useSurveyResults(surveyId, {
    from: from?.ok ? from.iso : undefined,
    to: to?.ok ? to.iso : undefined,
  });
  const survey = useSurvey(surveyId);
  const numbers = useMemo(() => new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en"), [locale]);
  const format = useCallback((value: number) => numbers.format(value), [numbers]);
  const decimal = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
    style: "percent",
    maximumFractionDigits: 1,
  });
  // The choices' wording, from the survey's versions as the page knows them (the current one).
  const questionsByKey = new Map<string, Question>(
    (survey.data?.current.questions ?? []).map((q) => [q.key, q]),
  );
  const data = results.data;
  const rate = data ? responseRate(data.answered, data.invited) : null;

  return (
    <section className="page survey-results" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to={`/surveys/${surveyId}`}>{t("surveys.results.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {data ? (
            <>
              {t("surveys.results.title")}: <UserText>{data.survey.name}</UserText>
            </>
          ) : (
            t("surveys.results.title")
          )}
        </h1>
        <p className="page__lead">{t("surveys.results.intro")}</p>
      </header>

      <form
        className="card survey-filters"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        aria-label={t("surveys.results.period")}
      >
        <DateField
          label={t("surveys.results.from")}
          value={fromText}
          onChange={setFromText}
          optionalLabel={t("beneficiaries.form.optional")}
        />
        <DateField
          label={t("surveys.results.to")}
          value={toText}
          onChange={setToText}
          optionalLabel={t("beneficiaries.form.optional")}
        />
      </form>

      {results.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {results.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(results.error)}
        </div>
      ) : null}

      {data ? (
        <>
          <div className="cards">
            <article className="card">
              <h2 className="card__label">{t("surveys.results.invited")}</h2>
              <p className="card__value">{format(data.invited)}</p>
            </article>
            <article className="card">
              <h2 className="card__label">{t("surveys.results.answered")}</h2>
              <p className="card__value">{format(data.answered)}</p>
            </article>
            <article className="card">
              <h2 className="card__label">{t("surveys.results.rate")}</h2>
              <p className="card__value">{rate === null ? "—" : percent.format(rate)}</p>
            </article>
          </div>
          {data.questions.length === 0 ? <p className="empty">{t("surveys.results.noQuestions")}</p> : null}
          {data.questions.map((question, index) => (
            <QuestionResultCard
              key={question.key}
              result={question}
              number={index + 1}
              question={questionsByKey.get(question.key)}
              format={format}
              decimal={(value) => decimal.format(value)}
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

function QuestionResultCard({
  result,
  number,
  question,
  format,
  decimal,
}: {
  result: QuestionResult;
  number: number;
  question: Question | undefined;
  format: (value: number) => string;
  decimal: (value: number) => string;
}) {
  const { t } = useI18n();
  const ids = useId();
  const title = `${t("surveys.builder.question", { number })}: ${result.text.ar}`;
  const pointLabel = (value: string) => {
    const labels =
      result.kind === "csat" ? csatPointLabels : result.kind === "likert" ? likertPointLabels : null;
    const label = labels?.[Number(value) - 1];
    return label ? `${value} — ${t(label)}` : value;
  };
  const optionLabel = (value: string) => question?.options.find((o) => o.key === value)?.text.ar ?? value;
  const rows = result.distribution.map((d) => ({
    id: d.value,
    label:
      result.kind === "single_choice" || result.kind === "multiple_choice"
        ? optionLabel(d.value)
        : pointLabel(d.value),
    count: d.count,
    person: result.kind === "single_choice" || result.kind === "multiple_choice",
  }));

  return (
    <section className="card survey-result" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.builder.question", { number })}: <UserText>{result.text.ar}</UserText>
      </h2>
      <p className="muted">
        {t(questionKindLabels[result.kind])} — {t("surveys.answerCount", { count: result.answers })}
      </p>
      {result.withheld ? (
        <p className="withheld">{t("surveys.results.withheld")}</p>
      ) : (
        <>
          {result.mean !== null && result.kind !== "nps" ? (
            <p className="survey-result__figure">
              {t("surveys.results.mean", { mean: decimal(result.mean) })}
            </p>
          ) : null}
          {result.nps ? (
            <>
              <p className="survey-result__figure">
                {t("surveys.results.nps", { score: decimal(result.nps.score) })}
              </p>
              <table className="table survey-nps">
                <caption>{t("surveys.results.npsGroups")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("surveys.results.group")}</th>
                    <th scope="col">{t("surveys.results.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t("surveys.results.promoters")}</th>
                    <td>{format(result.nps.promoters)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("surveys.results.passives")}</th>
                    <td>{format(result.nps.passives)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("surveys.results.detractors")}</th>
                    <td>{format(result.nps.detractors)}</td>
                  </tr>
                </tbody>
              </table>
            </>
          ) : null}
          {rows.length > 0 && result.answers > 0 ? (
            <ChartWithTable
              title={title}
              head={
                result.kind === "single_choice" || result.kind === "multiple_choice"
                  ? t("surveys.results.choice")
                  : t("surveys.results.score")
              }
              rows={rows}
              format={format}
            />
          ) : null}
          {result.kind === "text" && result.answers > 0 ? (
            <Themes themes={result.themes} format={format} />
          ) : null}
          {result.answers === 0 ? <p className="muted">{t("surveys.results.noAnswers")}</p> : null}
        </>
      )}
    </section>
  );
}

function Themes({ themes, format }: { themes: QuestionResult["themes"]; format: (value: number) => string }) {
  const { t } = useI18n();
  if (themes.length === 0) return <p className="muted">{t("surveys.results.noThemes")}</p>;
  return (
    <div className="table-scroll">
      <table className="table survey-themes">
        <caption>{t("surveys.results.themes")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("surveys.results.theme")}</th>
            <th scope="col">{t("surveys.results.count")}</th>
            <th scope="col">{t("surveys.results.examples")}</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((theme) => (
            <tr key={theme.theme}>
              <th scope="row">{t(themeLabel(theme.theme))}</th>
              <td>{format(theme.count)}</td>
              <td>
                {theme.examples.length ? (
                  <ul className="survey-examples">
                    {theme.examples.map((example, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: examples are shown as the server sent them
                      <li key={i}>
                        <q>
                          <UserText>{example}</UserText>
                        </q>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default SurveyResultsPage;
