import { useId } from "react";
import { Link } from "react-router";
import type { WorkItem } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useMyWork } from "../api/get-my-work.js";
import { workKindLabels } from "../labels.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

function target(item: WorkItem): string | null {
  if (item.kind === "routed_inquiry") return "/inbox";
  if (item.kind === "overdue_inquiry") return "/reports/liaison-officers";
  if ((item.kind === "field_action" || item.kind === "overdue_field_action") && item.ref)
    return `/field/visits/${item.ref}`;
  if (item.kind === "vote" && item.meetingId) return `/meetings/${item.meetingId}`;
  if (item.requestId) return `/requests/${item.requestId}`;
  if (item.beneficiary) return `/beneficiaries/${item.beneficiary.id}`;
  return null;
}

/** «عملي»: what waits for the signed-in member in their roles, oldest and most urgent first. */
export function MyWork() {
  const { t, locale } = useI18n();
  const ids = useId();
  const work = useMyWork();
  // Calls and letters to make are listed whole, with «تم», in «الإشعارات اليدوية» beside this list.
  const items = (work.data?.items ?? []).filter((item) => item.kind !== "manual_notification");
  return (
    <section className="card my-work" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("work.title")}
      </h2>
      <Refusal error={work.error} />
      {work.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {!work.isPending && items.length === 0 ? <p className="empty">{t("work.empty")}</p> : null}
      <ol className="work-list" aria-label={t("work.title")}>
        {items.map((item) => {
          const href = target(item);
          return (
            <li
              key={`${item.kind}-${item.ref ?? item.requestId ?? item.since}`}
              className="work-list__item"
              data-kind={item.kind}
            >
              <span className="work-list__kind">{t(workKindLabels[item.kind])}</span>
              <span className="work-list__title">
                {href ? (
                  <Link to={href}>
                    <WithReference text={item.title[locale]} reference={item.referenceNumber} />
                  </Link>
                ) : (
                  <WithReference text={item.title[locale]} reference={item.referenceNumber} />
                )}
              </span>
              {item.beneficiary ? (
                <span>
                  <UserText>{item.beneficiary.fullName}</UserText>
                </span>
              ) : null}
              <span className="work-list__meta">
                {t("work.since")}: <DualDate value={item.since} />
                {item.dueDate ? (
                  <>
                    {" · "}
                    {t("work.due")}: <CalendarDate value={item.dueDate} />
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * A task's title with its request's reference once, isolated left to right: the server's titles
 * already name it («استكمال الطلب REQ-…»), so it is not appended a second time.
 */
function WithReference({ text, reference }: { text: string; reference: string | null | undefined }) {
  if (!reference) return <UserText>{text}</UserText>;
  const at = text.indexOf(reference);
  if (at < 0) {
    return (
      <>
        {text}{" "}
        <bdi dir="ltr" className="reference-number">
          {reference}
        </bdi>
      </>
    );
  }
  return (
    <>
      {text.slice(0, at)}
      <bdi dir="ltr" className="reference-number">
        {reference}
      </bdi>
      {text.slice(at + reference.length)}
    </>
  );
}
