import { type FormEvent, useEffect, useId, useState } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { useLiaisonRoutes } from "../api/list-liaison-routes.js";
import { useSetLiaisonRoutes } from "../api/set-liaison-routes.js";
import "./contacts.css";
import { UserText } from "../../../components/ui/user-text.js";

type Option = { id: string; name: string };
type Row = { key: number; categoryCode: string; field: string; liaisonUserId: string };

type LiaisonRoutesPageProps = {
  /** Staff holding the liaison officer role (the server refuses anyone else). */
  liaisonOfficers: readonly Option[];
  /** The association's categories, by code. */
  categories: readonly { code: string; name: string }[];
  /** The two lists above are still on their way. */
  loading: boolean;
};

let rowKeys = 0;
const nextKey = () => ++rowKeys;

/**
 * «ضباط الاتصال»: which liaison officer answers the inquiries of which category (or field). An
 * inquiry left unanswered at the desk is routed by this table; saving replaces it whole.
 */
export function LiaisonRoutesPage({ liaisonOfficers, categories, loading }: LiaisonRoutesPageProps) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const routes = useLiaisonRoutes();
  const save = useSetLiaisonRoutes();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);

  // The table starts as the server has it, and again after each save.
  useEffect(() => {
    if (routes.data) {
      setRows(
        routes.data.items.map((route) => ({
          key: nextKey(),
          categoryCode: route.categoryCode ?? "",
          field: route.field ?? "",
          liaisonUserId: route.liaison.id,
        })),
      );
    }
  }, [routes.data]);

  function change(index: number, patch: Partial<Row>) {
    setSaved(false);
    setRows((current) => (current ?? []).map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      {
        routes: (rows ?? [])
          .filter((row) => row.liaisonUserId)
          .map((row) => ({
            categoryCode: row.categoryCode || undefined,
            field: row.field.trim() || undefined,
            liaisonUserId: row.liaisonUserId,
          })),
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  const error = routes.error ?? save.error;

  return (
    <section className="page" aria-labelledby="liaison-title">
      <header className="page__header">
        <h1 id="liaison-title" className="page__title">
          {t("liaison.title")}
        </h1>
        <p className="page__lead">{t("liaison.intro")}</p>
      </header>

      {error ? (
        <div role="alert" className="alert alert--error">
          {errorText(error)}
        </div>
      ) : null}
      {routes.isPending || loading || rows === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          {liaisonOfficers.length === 0 ? <p className="notice">{t("liaison.noOfficers")}</p> : null}
          {rows.length === 0 ? (
            <p className="empty">{t("liaison.empty")}</p>
          ) : (
            <div className="table-scroll">
              <table className="table liaison-table">
                <caption className="visually-hidden">{t("liaison.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("liaison.column.category")}</th>
                    <th scope="col">{t("liaison.column.field")}</th>
                    <th scope="col">{t("liaison.column.officer")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("liaison.column.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => {
                    const number = String(index + 1);
                    return (
                      <tr key={row.key}>
                        <td>
                          <label className="visually-hidden" htmlFor={`${ids}-${row.key}-category`}>
                            {t("liaison.rowCategory", { number })}
                          </label>
                          <select
                            id={`${ids}-${row.key}-category`}
                            className="field__input"
                            value={row.categoryCode}
                            onChange={(event) => change(index, { categoryCode: event.target.value })}
                          >
                            <option value="">{t("liaison.anyCategory")}</option>
                            {categories.map((category) => (
                              <option key={category.code} value={category.code}>
                                <UserText>{category.name}</UserText>
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${ids}-${row.key}-field`}>
                            {t("liaison.rowField", { number })}
                          </label>
                          <input
                            id={`${ids}-${row.key}-field`}
                            className="field__input"
                            value={row.field}
                            placeholder={t("liaison.fieldPlaceholder")}
                            onChange={(event) => change(index, { field: event.target.value })}
                          />
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${ids}-${row.key}-officer`}>
                            {t("liaison.rowOfficer", { number })}
                          </label>
                          <select
                            id={`${ids}-${row.key}-officer`}
                            className="field__input"
                            value={row.liaisonUserId}
                            onChange={(event) => change(index, { liaisonUserId: event.target.value })}
                          >
                            <option value="">{t("liaison.chooseOfficer")}</option>
                            {liaisonOfficers.map((officer) => (
                              <option key={officer.id} value={officer.id}>
                                <UserText>{officer.name}</UserText>
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button--quiet"
                            onClick={() => {
                              setSaved(false);
                              setRows(rows.filter((_, i) => i !== index));
                            }}
                          >
                            {t("liaison.remove", { number })}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setRows([...rows, { key: nextKey(), categoryCode: "", field: "", liaisonUserId: "" }]);
              }}
            >
              {t("liaison.add")}
            </button>
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? t("beneficiaries.form.submitting") : t("liaison.save")}
            </button>
          </div>
          <p className="success" aria-live="polite">
            {saved ? t("liaison.saved") : null}
          </p>
        </form>
      )}
    </section>
  );
}
