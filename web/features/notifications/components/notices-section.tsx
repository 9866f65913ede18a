import { useId } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { type NoticesQuery, useNotices } from "../api/list-notices.js";
import { NoticeItem } from "./notice-item.js";
import "./notices.css";

/**
 * «الإشعارات»: what the person was told about a request, a complaint or on their file, in what
 * state each message is, and, for one that failed or waits for a person, what to do next.
 */
export function NoticesSection({ query, canAct }: { query: NoticesQuery; canAct: boolean }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const notices = useNotices(query);
  const items = notices.data?.items ?? [];
  return (
    <section className="card notices" aria-labelledby={`${ids}-title`} data-testid="notices">
      <h2 id={`${ids}-title`} className="card__title">
        {t("notices.title")}
      </h2>
      {notices.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(notices.error)}
        </div>
      ) : null}
      {notices.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {notices.isSuccess && items.length === 0 ? <p className="empty">{t("notices.empty")}</p> : null}
      <ol className="notice-list" aria-label={t("notices.title")}>
        {items.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} canAct={canAct} />
        ))}
      </ol>
    </section>
  );
}

/** «الإشعارات اليدوية»: the phone calls and letters waiting for someone, each with its whole text. */
export function ManualNotices({ canAct }: { canAct: boolean }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const notices = useNotices({ open: true });
  const items = notices.data?.items ?? [];
  return (
    <section
      id="manual-notices"
      className="card notices"
      aria-labelledby={`${ids}-title`}
      data-testid="manual-notices"
    >
      <h2 id={`${ids}-title`} className="card__title">
        {t("notices.manual.title")}
      </h2>
      <p className="muted">{t("notices.manual.lead")}</p>
      {notices.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(notices.error)}
        </div>
      ) : null}
      {notices.isSuccess && items.length === 0 ? <p className="empty">{t("notices.manual.empty")}</p> : null}
      <ol className="notice-list" aria-label={t("notices.manual.title")}>
        {items.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} canAct={canAct} showWhom />
        ))}
      </ol>
    </section>
  );
}
