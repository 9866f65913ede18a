import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { PhoneNumbers } from "../../../components/ui/phone-numbers.js";
import { useI18n } from "../../../i18n/i18n.js";
import { minimumSearchLength, useBeneficiarySearch } from "../api/search-beneficiaries.js";
import { matchedByLabels, relationLabels } from "../labels.js";
import "./beneficiaries.css";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";

const debounceMs = 300;

/** Waits until the officer pauses typing, so each keystroke does not become a request. */
function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** One search box for every way an officer knows a person: name, ID, phone, file number. */
export function BeneficiarySearchPage({ canRegister }: { canRegister: boolean }) {
  const { t, errorText } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(() => searchParams.get("q") ?? "");
  const q = useDebounced(text, debounceMs).trim();
  const search = useBeneficiarySearch(q);
  const hintId = useId();
  const ready = q.length >= minimumSearchLength;
  const items = ready ? (search.data?.items ?? []) : [];

  // The address keeps the query, so "back" from a file returns to the same results.
  useEffect(() => {
    setSearchParams(q ? { q } : {}, { replace: true });
  }, [q, setSearchParams]);

  return (
    <section className="page" aria-labelledby="beneficiaries-title">
      <header className="page__header page__header--with-action">
        <div className="page__header">
          <h1 id="beneficiaries-title" className="page__title">
            {t("beneficiaries.search.title")}
          </h1>
          <p className="page__lead">{t("beneficiaries.search.intro")}</p>
        </div>
        {canRegister ? (
          <Link className="button button--primary" to="/beneficiaries/new">
            {t("beneficiaries.register")}
          </Link>
        ) : null}
      </header>

      <search className="beneficiary-search">
        <label className="field__label" htmlFor="beneficiary-search">
          {t("beneficiaries.search.label")}
        </label>
        <input
          id="beneficiary-search"
          className="field__input beneficiary-search__input"
          type="search"
          // A name reads right to left, a phone or ID left to right: the first letter typed decides.
          dir="auto"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the search box is the whole page; the officer starts typing at once.
          autoFocus
          placeholder={t("beneficiaries.search.placeholder")}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={hintId}
        />
        <p id={hintId} className="muted beneficiary-search__hint" aria-live="polite">
          {!ready
            ? t("beneficiaries.search.hint")
            : search.isFetching
              ? t("beneficiaries.search.searching")
              : null}
        </p>
      </search>

      {search.isError && ready ? (
        <div role="alert" className="alert alert--error">
          {errorText(search.error)}{" "}
          <button type="button" className="button button--link" onClick={() => search.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      ) : null}

      {ready && search.isSuccess && !search.isPlaceholderData && items.length === 0 ? (
        <div className="empty">
          <p>{t("beneficiaries.search.empty", { q })}</p>
          <p className="muted">{t("beneficiaries.search.emptyHint")}</p>
        </div>
      ) : null}

      {items.length > 0 ? <ExportButtons path="/api/beneficiaries/export" query={{ q }} /> : null}

      {items.length > 0 ? (
        <ol className="beneficiary-results" aria-label={t("beneficiaries.search.results")}>
          {items.map((item) => (
            <li key={item.id} className="beneficiary-result">
              <div className="beneficiary-result__head">
                <Link className="beneficiary-result__name" to={`/beneficiaries/${item.id}`}>
                  <UserText>{item.fullName}</UserText>
                </Link>
                <span className="match-badge">{t(matchedByLabels[item.matchedBy])}</span>
              </div>
              {item.matchedMember ? (
                <p className="beneficiary-result__member" data-matched-member>
                  <Interpolate
                    message={t("beneficiaries.search.matchedMember")}
                    values={{
                      name: item.matchedMember.fullName,
                      relation: t(relationLabels[item.matchedMember.relation]),
                    }}
                  />
                </p>
              ) : null}
              <dl className="facts">
                <div className="facts__item">
                  <dt>{t("beneficiaries.fileNumberLabel")}</dt>
                  <dd dir="ltr">
                    <UserText code>{item.fileNumber}</UserText>
                  </dd>
                </div>
                <div className="facts__item">
                  <dt>{t("beneficiaries.nationalId")}</dt>
                  <dd dir="ltr">{item.nationalId ?? t("beneficiaries.none")}</dd>
                </div>
                <div className="facts__item">
                  <dt>{t("beneficiaries.phones")}</dt>
                  <dd>
                    <PhoneNumbers values={item.phones} />
                  </dd>
                </div>
                <div className="facts__item">
                  <dt>{t("beneficiaries.birthDate")}</dt>
                  <dd>
                    {item.birthDate ? <CalendarDate value={item.birthDate} /> : t("beneficiaries.none")}
                  </dd>
                </div>
                {item.city ? (
                  <div className="facts__item">
                    <dt>{t("beneficiaries.city")}</dt>
                    <dd>
                      <UserText>{item.city}</UserText>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
