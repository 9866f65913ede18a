import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import type { ChecklistView } from "../../../../shared/contracts/fieldwork.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useChecklists, useSaveChecklist } from "../api/fieldwork-api.js";
import "./fieldwork.css";

/** The association's checklists for visits: define one, or change it (a new version). */
export function ChecklistsPage() {
  const { t, errorText } = useI18n();
  const ids = useId();
  const checklists = useChecklists();
  const [editing, setEditing] = useState<ChecklistView | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to="/field">{t("field.visit.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("field.checklists.title")}
        </h1>
        <p className="page__lead">{t("field.checklists.intro")}</p>
      </header>
      <ChecklistForm
        key={`${formKey}-${editing?.id ?? "new"}`}
        editing={editing}
        onSaved={() => {
          setSaved(true);
          setEditing(null);
          setFormKey((k) => k + 1);
        }}
      />
      {saved ? (
        <p role="status" className="alert alert--success">
          {t("field.checklists.saved")}
        </p>
      ) : null}
      <section className="card" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="card__title">
          {t("field.checklists.link")}
        </h2>
        {checklists.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {checklists.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(checklists.error)}
          </div>
        ) : null}
        {checklists.isSuccess && checklists.data.items.length === 0 ? (
          <p className="empty">{t("field.checklists.empty")}</p>
        ) : null}
        <ul className="plain-list">
          {(checklists.data?.items ?? []).map((c) => (
            <li key={c.id} className="field-checklist-item">
              <strong>
                <UserText>{c.name}</UserText>
              </strong>{" "}
              — {t("field.checklists.version", { version: c.version })} —{" "}
              {t("field.checklists.itemCount", { count: c.items.length })}{" "}
              <button type="button" className="button button--link" onClick={() => setEditing(c)}>
                {t("field.checklists.edit")}
              </button>
              <ol>
                {c.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an item's place in the list is its identity
                  <li key={i}>
                    <UserText>{item}</UserText>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function ChecklistForm({ editing, onSaved }: { editing: ChecklistView | null; onSaved: () => void }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const save = useSaveChecklist();
  const [name, setName] = useState(editing?.name ?? "");
  const [items, setItems] = useState(editing?.items.join("\n") ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = (path: string) =>
    isApiError(save.error) ? save.error.fieldMessage(path)?.[locale] : undefined;
  const lines = items
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t("field.form.required", { field: t("field.checklists.name") });
    if (!lines.length) problems.items = t("field.form.required", { field: t("field.checklists.items") });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      { ...(editing ? { id: editing.id } : {}), name, items: lines },
      {
        onSuccess: onSaved,
      },
    );
  }

  const nameError = local.name ?? server("name");
  const itemsError = local.items ?? server("items");
  const general = save.error && !nameError && !itemsError ? errorText(save.error) : null;
  return (
    <form className="card form" noValidate onSubmit={onSubmit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {editing ? t("field.checklists.edit") : t("field.checklists.new")}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-name`}>
          {t("field.checklists.name")}
        </label>
        <input
          id={`${ids}-name`}
          className="field__input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${ids}-name-error` : undefined}
        />
        {nameError ? (
          <p className="field__error" id={`${ids}-name-error`}>
            {nameError}
          </p>
        ) : null}
      </div>
      <TextAreaField
        label={t("field.checklists.items")}
        value={items}
        onChange={setItems}
        error={itemsError}
      />
      {general ? (
        <div role="alert" className="alert alert--error">
          {general}
        </div>
      ) : null}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {t("field.checklists.save")}
      </button>
    </form>
  );
}
