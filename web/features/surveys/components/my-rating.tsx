import { useId } from "react";
import { staffRatingThreshold } from "../../../../shared/contracts/surveys.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useMyRating } from "../api/surveys-api.js";
import "./surveys.css";

/**
 * «تقييمي» in «حسابي» (G6): the signed-in employee's own rating by the people they served, shown
 * only over five answers or more, and said as what it is: a help to improve, seen by them alone here.
 */
export function MyRating() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const rating = useMyRating();
  const decimal = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
    maximumFractionDigits: 1,
  });
  const data = rating.data;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.myRating.title")}
      </h2>
      <p className="muted">{t("surveys.myRating.intro")}</p>
      {rating.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {rating.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(rating.error)}
        </div>
      ) : null}
      {data ? (
        data.withheld || data.csat === null ? (
          <p>{t("surveys.myRating.notYet", { count: staffRatingThreshold })}</p>
        ) : (
          <>
            <p className="survey-result__figure">
              {t("surveys.myRating.value", { csat: decimal.format(data.csat) })}
            </p>
            <p className="muted">{t("surveys.myRating.over", { count: data.answers })}</p>
          </>
        )
      ) : null}
    </section>
  );
}
