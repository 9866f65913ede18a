import type { PortalNoticeList } from "../../../shared/contracts/portal.js";
import { portalApi } from "../api.js";
import { momentText } from "../dates.js";
import { type PortalMessageKey, t } from "../messages.js";
import { PageHeading } from "../page-heading.js";
import { usePortalData } from "../session.js";
import { Failed, Loading } from "./query-state.js";

const channelKey = (channel: PortalNoticeList["items"][number]["channel"]) =>
  `notices.channel.${channel}` as PortalMessageKey;

/** «إشعاراتي»: every notice the association sent the person, newest first. */
export function NoticesPage() {
  const { result, retry } = usePortalData(() => portalApi.notices(), "notices");
  return (
    <main id="main" className="portal-main">
      <PageHeading title={t("notices.title")} />
      {result.status === "loading" && <Loading />}
      {result.status === "failed" && <Failed error={result.error} retry={retry} />}
      {result.status === "done" &&
        (result.data.items.length === 0 ? (
          <p>{t("notices.empty")}</p>
        ) : (
          <ul className="portal-cards">
            {result.data.items.map((notice) => (
              <li key={notice.id} className="portal-card">
                {notice.subject && (
                  <h2 className="portal-card-title">
                    <bdi>{notice.subject}</bdi>
                  </h2>
                )}
                <p className="portal-notice-body">
                  <bdi>{notice.body}</bdi>
                </p>
                <p className="portal-hint">
                  {momentText(notice.at)} — {t("notices.via", { channel: t(channelKey(notice.channel)) })}
                </p>
              </li>
            ))}
          </ul>
        ))}
    </main>
  );
}
