import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCreateCategory } from "../api/create-category.js";
import { useCategories } from "../api/list-categories.js";
import { useSetCategoryAliases } from "../api/set-category-aliases.js";
import "./beneficiaries.css";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";

/** «فئات المستفيدين»: the association's categories, and a form to add one (administrator). */
export function CategoriesPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const categories = useCategories();
  const create = useCreateCategory();
  const [code, setCode] = useState("");
  const [nameAr, setNameAr] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [aliases, setAliases] = useState("");

  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldMessage(path)?.[locale] : undefined;
  const errors = {
    code: fieldError("code"),
    nameAr: fieldError("nameAr"),
    nameEn: fieldError("nameEn"),
    aliases:
      create.error && isApiError(create.error)
        ? create.error.fieldErrors.find((e) => e.path.startsWith("aliases"))?.message[locale]
        : undefined,
  };
  const generalError = create.error && !Object.values(errors).some(Boolean) ? errorText(create.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        code,
        nameAr,
        nameEn: nameEn.trim() || undefined,
        // Other names, separated by the Arabic or Latin comma: «أرملة، ارملة».
        aliases: aliases
          .split(/[،,]/)
          .map((alias) => alias.trim())
          .filter(Boolean),
      },
      {
        onSuccess: () => {
          setCode("");
          setNameAr("");
          setNameEn("");
          setAliases("");
        },
      },
    );
  }

  const field = (
    key: "code" | "nameAr" | "nameEn" | "aliases",
    label: string,
    value: string,
    set: (value: string) => void,
    hint?: ReactNode,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {label}
      </label>
      <input
        id={`${ids}-${key}`}
        className="field__input"
        value={value}
        dir={key === "nameAr" || key === "aliases" ? undefined : "ltr"}
        onChange={(event) => set(event.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={
          [hint ? `${ids}-${key}-hint` : "", errors[key] ? `${ids}-${key}-error` : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
      />
      {hint ? (
        <p className="field__hint" id={`${ids}-${key}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors[key] ? (
        <p className="field__error" id={`${ids}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="page" aria-labelledby="categories-title">
      <header className="page__header">
        <h1 id="categories-title" className="page__title">
          {t("categories.title")}
        </h1>
        <p className="page__lead">{t("categories.intro")}</p>
      </header>

      <section className="card" aria-labelledby={`${ids}-add`}>
        <h2 id={`${ids}-add`} className="card__title">
          {t("categories.add.title")}
        </h2>
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="form-section__grid">
            {field("nameAr", t("categories.nameAr"), nameAr, setNameAr)}
            {field("nameEn", t("categories.nameEn"), nameEn, setNameEn)}
            {field(
              "code",
              t("categories.code"),
              code,
              setCode,
              <Interpolate
                message={t("categories.codeHint")}
                values={{ first: "orphans", second: "widows" }}
              />,
            )}
            {field("aliases", t("categories.aliases"), aliases, setAliases, t("categories.aliasesHint"))}
          </div>
          <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
            {generalError}
          </div>
          <p className="success" aria-live="polite">
            {create.isSuccess ? t("categories.added", { name: create.data.nameAr }) : null}
          </p>
          <div>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? t("beneficiaries.form.submitting") : t("categories.add.submit")}
            </button>
          </div>
        </form>
      </section>

      {categories.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {categories.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(categories.error)}
        </div>
      ) : null}
      {categories.isSuccess && categories.data.items.length === 0 ? (
        <p className="empty">{t("categories.empty")}</p>
      ) : null}
      {categories.isSuccess && categories.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("categories.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("categories.nameAr")}</th>
                <th scope="col">{t("categories.nameEn")}</th>
                <th scope="col">{t("categories.code")}</th>
                <th scope="col">{t("categories.aliases")}</th>
                <th scope="col">{t("categories.status")}</th>
              </tr>
            </thead>
            <tbody>
              {categories.data.items.map((category) => (
                <tr key={category.id}>
                  <td>
                    <UserText>{category.nameAr}</UserText>
                  </td>
                  <td>{category.nameEn ? <bdi>{category.nameEn}</bdi> : t("beneficiaries.none")}</td>
                  <td>
                    <bdi dir="ltr">{category.code}</bdi>
                  </td>
                  <td>
                    <AliasesCell id={category.id} name={category.nameAr} aliases={category.aliases} />
                  </td>
                  <td>
                    <span className={category.active ? "status-chip" : "status-chip status-chip--off"}>
                      {category.active ? t("categories.active") : t("categories.inactive")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Splits «أرملة، ارملة» (Arabic or Latin commas) into names. */
function splitNames(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** A category's other names, changed in place by the administrator. */
function AliasesCell({ id, name, aliases }: { id: string; name: string; aliases: string[] }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const save = useSetCategoryAliases();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(aliases.join("، "));
  if (!editing) {
    return (
      <span className="aliases-cell">
        {aliases.length > 0 ? <UserText>{aliases.join("، ")}</UserText> : t("beneficiaries.none")}{" "}
        <button
          type="button"
          className="button button--link"
          aria-label={t("categories.aliasesEditNamed", { name })}
          onClick={() => {
            setText(aliases.join("، "));
            setEditing(true);
          }}
        >
          {t("categories.aliasesEdit")}
        </button>
      </span>
    );
  }
  return (
    <form
      className="aliases-cell"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ categoryId: id, aliases: splitNames(text) }, { onSuccess: () => setEditing(false) });
      }}
    >
      <label className="visually-hidden" htmlFor={`${ids}-aliases`}>
        {t("categories.aliasesEditNamed", { name })}
      </label>
      <input
        id={`${ids}-aliases`}
        className="field__input"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t("categories.aliasesSave")}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
        {t("categories.aliasesCancel")}
      </button>
      {save.error ? <p className="field__error">{errorText(save.error)}</p> : null}
    </form>
  );
}
