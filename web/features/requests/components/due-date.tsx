import type { Due } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { useI18n } from "../../../i18n/i18n.js";

/** A due date in Gregorian and Hijri, the working days left, and a badge once it is near or past. */
export function DueDate({ due }: { due: Due | null }) {
  const { t } = useI18n();
  if (!due) return <span className="muted">{t("requests.due.none")}</span>;
  const left =
    due.status === "met"
      ? t("requests.due.met")
      : due.status === "missed"
        ? t("requests.due.missed")
        : due.workingDaysLeft < 0
          ? t("requests.due.overdueBy", { days: -due.workingDaysLeft })
          : t("requests.due.daysLeft", { days: due.workingDaysLeft });
  return (
    <span className="due-date">
      <CalendarDate value={due.dueDate} />
      <span className="due-date__left">{left}</span>
      {due.status === "breached" || due.status === "missed" ? (
        <span className="badge badge--danger">{t("requests.due.overdue")}</span>
      ) : due.status === "warning" ? (
        <span className="badge badge--warning">{t("requests.due.soon")}</span>
      ) : null}
    </span>
  );
}
