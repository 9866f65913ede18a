import { useId, useState } from "react";
import type { CurrentUser } from "../../../../shared/contracts/auth.js";
import type { UserView } from "../../../../shared/contracts/users.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useUsers } from "../api/list-users.js";
import { CreateUserForm } from "./create-user-form.js";
import { ManageAccountPanel } from "./manage-account-panel.js";
import "./users.css";

/** «المستخدمون»: the association's staff accounts, for the administrator who grants and revokes access. */
export function StaffAccountsPage({ me }: { me: CurrentUser }) {
  const { t } = useI18n();
  const ids = useId();
  const users = useUsers();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const associationWords = [me.association.name, me.association.slug];
  const selected = users.data?.items.find((user) => user.id === selectedId);

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("users.title")}
        </h1>
        <p className="page__lead">{t("users.intro")}</p>
      </header>

      {users.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {users.isError ? (
        <div role="alert" className="alert alert--error">
          {t("users.loadFailed")}
        </div>
      ) : null}
      {users.isSuccess ? (
        <div className="table-scroll">
          <table className="table staff-table">
            <caption className="visually-hidden">{t("users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.column.name")}</th>
                <th scope="col">{t("users.column.email")}</th>
                <th scope="col">{t("users.column.roles")}</th>
                <th scope="col">{t("users.column.state")}</th>
                <th scope="col">{t("users.column.lastSignIn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("users.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id} data-testid="staff-row">
                  <th scope="row">
                    <bdi>{user.fullName}</bdi>
                  </th>
                  <td>
                    <bdi dir="ltr">{user.email}</bdi>
                  </td>
                  <td>{user.roles.map((role) => t(`role.${role}`)).join("، ")}</td>
                  <td>
                    <AccountState user={user} />
                  </td>
                  <td>
                    {user.lastSignInAt ? <DualDate value={user.lastSignInAt} withTime /> : t("users.never")}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-expanded={selectedId === user.id}
                      onClick={() => setSelectedId(selectedId === user.id ? null : user.id)}
                    >
                      {t("users.manage.open")}
                      <span className="visually-hidden">
                        {" "}
                        <bdi>{user.fullName}</bdi>
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {selected ? (
        <ManageAccountPanel
          key={selected.id}
          user={selected}
          isMe={selected.id === me.id}
          associationWords={associationWords}
          onClose={() => setSelectedId(null)}
        />
      ) : null}

      <section className="card" aria-labelledby={`${ids}-create`}>
        <h2 id={`${ids}-create`} className="card__title">
          {t("users.create.title")}
        </h2>
        <p className="muted">{t("users.create.intro")}</p>
        <CreateUserForm associationWords={associationWords} />
      </section>
    </section>
  );
}

function AccountState({ user }: { user: UserView }) {
  const { t } = useI18n();
  return (
    <span className="account-state">
      <span className={user.active ? "state-chip" : "state-chip state-chip--off"}>
        {user.active ? t("users.state.active") : t("users.state.inactive")}
      </span>
      {user.locked ? <span className="state-chip state-chip--warn">{t("users.state.locked")}</span> : null}
      {user.passwordChangeRequired ? (
        <span className="state-chip state-chip--note">{t("users.state.temporaryPassword")}</span>
      ) : null}
    </span>
  );
}
