import { type ReactNode, useEffect, useId, useState } from "react";
import { useNavigate } from "react-router";
import type { BeneficiaryView } from "../../../../shared/contracts/beneficiaries.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { PhoneNumbers } from "../../../components/ui/phone-numbers.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useBeneficiary } from "../api/get-beneficiary.js";
import { useMergeBeneficiaries } from "../api/merge-beneficiaries.js";
import { minimumSearchLength, useBeneficiarySearch } from "../api/search-beneficiaries.js";

const debounceMs = 300;

/**
 * «دمج سجل مكرر»: find the other record of the same person, compare the two side by side, choose
 * which file stays, and fold the other into it. The kept file opens afterwards.
 */
export function MergeDuplicate({ beneficiary }: { beneficiary: BeneficiaryView }) {
  const { t } = useI18n();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [otherId, setOtherId] = useState<string | null>(null);

  function close() {
    setOpen(false);
    setOtherId(null);
  }

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t("beneficiaries.merge.open")}
      </button>
    );
  }

  return (
    <section className="card merge" aria-labelledby={`${ids}-title`}>
      <div className="merge__head">
        <h2 id={`${ids}-title`} className="card__title">
          {t("beneficiaries.merge.title")}
        </h2>
        <button type="button" className="button button--quiet" onClick={close}>
          {t("beneficiaries.merge.close")}
        </button>
      </div>
      <p className="muted">{t("beneficiaries.merge.intro")}</p>
      {otherId ? (
        <MergeComparison
          current={beneficiary}
          otherId={otherId}
          onChooseAnother={() => setOtherId(null)}
          onMerged={close}
        />
      ) : (
        <DuplicateSearch excludeId={beneficiary.id} onChoose={setOtherId} />
      )}
    </section>
  );
}

function DuplicateSearch({ excludeId, onChoose }: { excludeId: string; onChoose: (id: string) => void }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useBeneficiarySearch(q);
  const ready = q.length >= minimumSearchLength;
  const items = ready ? (search.data?.items ?? []).filter((item) => item.id !== excludeId) : [];

  return (
    <div className="merge__search">
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-q`}>
          {t("beneficiaries.merge.searchLabel")}
        </label>
        <input
          id={`${ids}-q`}
          className="field__input"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${ids}-hint`}
          autoComplete="off"
        />
        <p className="field__hint" id={`${ids}-hint`}>
          {t("beneficiaries.search.hint")}
        </p>
      </div>
      {search.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(search.error)}
        </div>
      ) : null}
      {ready && search.isSuccess && items.length === 0 ? (
        <p className="muted">{t("beneficiaries.search.empty", { q })}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="merge__results" aria-label={t("beneficiaries.merge.results")}>
          {items.map((item) => (
            <li key={item.id} className="merge__result">
              <div>
                <p className="merge__name">
                  <UserText>{item.fullName}</UserText>
                </p>
                <p className="muted">
                  {t("beneficiaries.fileNumber", { number: String(item.fileNumber) })}
                  {item.nationalId ? (
                    <>
                      {" · "}
                      <bdi dir="ltr">{item.nationalId}</bdi>
                    </>
                  ) : null}
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChoose(item.id)}
                aria-label={t("beneficiaries.merge.chooseNamed", { name: item.fullName })}
              >
                {t("beneficiaries.merge.choose")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MergeComparison({
  current,
  otherId,
  onChooseAnother,
  onMerged,
}: {
  current: BeneficiaryView;
  otherId: string;
  onChooseAnother: () => void;
  onMerged: () => void;
}) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const other = useBeneficiary(otherId);
  const merge = useMergeBeneficiaries();
  const [keep, setKeep] = useState<"current" | "other">("current");
  const ids = useId();

  if (other.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (other.isError) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(other.error)}
      </div>
    );
  }
  const kept = keep === "current" ? current : other.data;
  const duplicate = keep === "current" ? other.data : current;

  function onConfirm() {
    merge.mutate(
      { keptId: kept.id, duplicateId: duplicate.id },
      {
        onSuccess: (result) => {
          onMerged();
          navigate(`/beneficiaries/${result.id}`);
        },
      },
    );
  }

  return (
    <div className="merge__compare">
      <div className="table-scroll">
        <table className="table merge__table">
          <caption className="visually-hidden">{t("beneficiaries.merge.compare")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("beneficiaries.merge.field")}</th>
              <th scope="col">{t("beneficiaries.merge.thisFile")}</th>
              <th scope="col">{t("beneficiaries.merge.otherFile")}</th>
            </tr>
          </thead>
          <tbody>
            <CompareRow label={t("beneficiaries.form.fullName")} a={current} b={other.data}>
              {(view) => view.fullName}
            </CompareRow>
            <CompareRow label={t("beneficiaries.fileNumberLabel")} a={current} b={other.data}>
              {(view) => <bdi dir="ltr">{view.fileNumber}</bdi>}
            </CompareRow>
            <CompareRow label={t("beneficiaries.nationalId")} a={current} b={other.data}>
              {(view) => <bdi dir="ltr">{view.nationalId ?? t("beneficiaries.none")}</bdi>}
            </CompareRow>
            <CompareRow label={t("beneficiaries.birthDate")} a={current} b={other.data}>
              {(view) => (view.birthDate ? <CalendarDate value={view.birthDate} /> : t("beneficiaries.none"))}
            </CompareRow>
            <CompareRow label={t("beneficiaries.phones")} a={current} b={other.data}>
              {(view) => <PhoneNumbers values={view.phones} />}
            </CompareRow>
            <CompareRow label={t("beneficiaries.city")} a={current} b={other.data}>
              {(view) => [view.city, view.district].filter(Boolean).join("، ") || t("beneficiaries.none")}
            </CompareRow>
            <CompareRow label={t("beneficiaries.file.household")} a={current} b={other.data}>
              {(view) => String(view.household.length)}
            </CompareRow>
            <CompareRow label={t("beneficiaries.file.consents")} a={current} b={other.data}>
              {(view) => String(view.consents.length)}
            </CompareRow>
          </tbody>
        </table>
      </div>

      <fieldset className="choice-group">
        <legend className="field__label">{t("beneficiaries.merge.keepLegend")}</legend>
        <div className="choice-group__options">
          <label className="choice">
            <input
              type="radio"
              name={`${ids}-keep`}
              checked={keep === "current"}
              onChange={() => setKeep("current")}
            />
            {t("beneficiaries.merge.keepThis")}
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${ids}-keep`}
              checked={keep === "other"}
              onChange={() => setKeep("other")}
            />
            {t("beneficiaries.merge.keepOther")}
          </label>
        </div>
      </fieldset>

      <p className="notice">
        <Interpolate
          message={t("beneficiaries.merge.consequence")}
          values={{
            duplicate: (
              <>
                <UserText>{duplicate.fullName}</UserText> (<UserText code>{duplicate.fileNumber}</UserText>)
              </>
            ),
            kept: (
              <>
                <UserText>{kept.fullName}</UserText> (<UserText code>{kept.fileNumber}</UserText>)
              </>
            ),
          }}
        />
      </p>

      {merge.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(merge.error)}
        </div>
      ) : null}

      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          disabled={merge.isPending}
        >
          {merge.isPending ? t("beneficiaries.merge.merging") : t("beneficiaries.merge.confirm")}
        </button>
        <button type="button" className="button button--quiet" onClick={onChooseAnother}>
          {t("beneficiaries.merge.another")}
        </button>
      </div>
    </div>
  );
}

function CompareRow({
  label,
  a,
  b,
  children,
}: {
  label: string;
  a: BeneficiaryView;
  b: BeneficiaryView;
  children: (view: BeneficiaryView) => ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children(a)}</td>
      <td>{children(b)}</td>
    </tr>
  );
}
