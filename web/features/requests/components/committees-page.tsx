import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { useCreateCommittee } from "../api/create-committee.js";
import { useCommittees } from "../api/list-committees.js";
import { Refusal } from "./feedback.js";
import type { Person } from "./request-page.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

/** «اللجان»: research committees, their members and quorum; the administrator forms them. */
export function CommitteesPage({
  canManage,
  candidates,
}: {
  canManage: boolean;
  candidates: readonly Person[];
}) {
  const { t } = useI18n();
  const ids = useId();
  const committees = useCommittees();
  const create = useCreateCommittee();
  const [nameAr, setName] = useState("");
  const [quorum, setQuorum] = useState("1");
  const [memberIds, setMembers] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { nameAr, quorum: Number(quorum), memberIds },
      {
        onSuccess: () => {
          setName("");
          setMembers([]);
        },
      },
    );
  };
  const items = committees.data?.items ?? [];
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("committees.title")}
        </h1>
        <p className="page__lead">{t("committees.lead")}</p>
      </header>
      <Refusal error={committees.error} />
      {items.length === 0 && !committees.isPending ? <p className="empty">{t("committees.empty")}</p> : null}
      <ul className="cards" aria-label={t("committees.title")}>
        {items.map((committee) => (
          <li key={committee.id} className="card">
            <h2 className="card__title">
              <UserText>{committee.nameAr}</UserText>
            </h2>
            <p className="muted">{t("committees.quorumOf", { quorum: String(committee.quorum) })}</p>
            <ul className="plain-list">
              {committee.members.map((member) => (
                <li key={member.id}>
                  <UserText>{member.fullName}</UserText>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {canManage ? (
        <form noValidate className="card form" onSubmit={submit} aria-labelledby={`${ids}-new`}>
          <h2 id={`${ids}-new`} className="card__title">
            {t("committees.new")}
          </h2>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-name`}>
              {t("committees.name")}
            </label>
            <input
              id={`${ids}-name`}
              className="field__input"
              required
              value={nameAr}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <fieldset className="choice-group">
            <legend className="field__label">{t("committees.members")}</legend>
            <div className="choice-group__options">
              {candidates.map((person) => (
                <label key={person.id} className="choice">
                  <input
                    type="checkbox"
                    checked={memberIds.includes(person.id)}
                    onChange={(event) =>
                      setMembers(
                        event.target.checked
                          ? [...memberIds, person.id]
                          : memberIds.filter((id) => id !== person.id),
                      )
                    }
                  />
                  <UserText>{person.name}</UserText>
                </label>
              ))}
            </div>
            {candidates.length === 0 ? <p className="field__hint">{t("committees.noCandidates")}</p> : null}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-quorum`}>
              {t("committees.quorum")}
            </label>
            <input
              id={`${ids}-quorum`}
              className="field__input"
              type="number"
              min={1}
              max={Math.max(1, memberIds.length)}
              required
              value={quorum}
              onChange={(e) => setQuorum(e.target.value)}
            />
          </div>
          <Refusal error={create.error} />
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={create.isPending || memberIds.length === 0}
            >
              {t("committees.create")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
