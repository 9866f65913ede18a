import { useId } from "react";
import { Link } from "react-router";
import type { MeetingList } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useMeetings } from "../api/list-meetings.js";
import { Refusal } from "./feedback.js";
import "./requests.css";

type Status = MeetingList["items"][number]["status"];
const statusLabels = {
  open: "meetings.status.open",
  decided: "meetings.status.decided",
  minutes_drafted: "meetings.status.minutes_drafted",
  minutes_approved: "meetings.status.minutes_approved",
} as const satisfies Record<Status, string>;

/** «الاجتماعات»: every committee meeting, each opening to its agenda, votes, decisions and minutes. */
export function MeetingsPage({ canSchedule }: { canSchedule: boolean }) {
  const { t } = useI18n();
  const ids = useId();
  const meetings = useMeetings();
  const items = meetings.data?.items ?? [];
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("meetings.list.title")}
        </h1>
        <p className="page__lead">{t("meetings.list.lead")}</p>
        {canSchedule ? (
          <p>
            <Link className="button button--primary" to="/meetings/new">
              {t("meetings.new")}
            </Link>
          </p>
        ) : null}
      </header>
      <Refusal error={meetings.error} />
      {meetings.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {!meetings.isPending && items.length === 0 ? <p className="empty">{t("meetings.list.empty")}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label={t("meetings.list.title")}>
            <thead>
              <tr>
                <th scope="col">{t("meetings.list.heldOn")}</th>
                <th scope="col">{t("meetings.list.committee")}</th>
                <th scope="col">{t("meetings.list.requests")}</th>
                <th scope="col">{t("meetings.list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <CalendarDate value={meeting.heldOn} />
                  </td>
                  <td>
                    <Link to={`/meetings/${meeting.id}`}>
                      <UserText>{meeting.committee.nameAr}</UserText>
                    </Link>
                  </td>
                  <td>
                    {t("meetings.list.requestCount", { count: meeting.requests })}
                    {" — "}
                    <span className="muted">
                      {t("meetings.list.decidedCount", { count: meeting.decided })}
                    </span>
                  </td>
                  <td>
                    <span className="state-chip" data-state={meeting.status}>
                      {t(statusLabels[meeting.status])}
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
