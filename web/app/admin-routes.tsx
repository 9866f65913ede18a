import type { StaffRole } from "../../shared/contracts/roles.js";
import { riyadhDate, toIsoDate } from "../../shared/domain/index.js";
import { useCategories } from "../features/beneficiaries/api/list-categories.js";
import { WorkingCalendarPage } from "../features/calendar/components/working-calendar-page.js";
import { LiaisonRoutesPage } from "../features/contacts/components/liaison-routes-page.js";
import { useUsers } from "../features/users/api/list-users.js";
import { useI18n } from "../i18n/i18n.js";
import { useCurrentUser } from "./require-session.js";

// Only the administrator corrects the calendar (calendar.policy.ts `edit`); everyone reads it.
const calendarEditRoles: readonly StaffRole[] = ["administrator"];

/** The working calendar; "today" is the day in Riyadh, which decides the year shown first. */
export function WorkingCalendarRoute() {
  const { roles } = useCurrentUser();
  const today = toIsoDate(riyadhDate(new Date()));
  return (
    <WorkingCalendarPage canEdit={roles.some((role) => calendarEditRoles.includes(role))} today={today} />
  );
}

/** The liaison table, offered the staff who hold the liaison role and the association's categories. */
export function LiaisonRoutesRoute() {
  const { locale } = useI18n();
  const users = useUsers();
  const categories = useCategories();
  const liaisonOfficers = (users.data?.items ?? [])
    .filter((user) => user.active && user.roles.includes("liaison_officer"))
    .map((user) => ({ id: user.id, name: user.fullName }));
  const categoryOptions = (categories.data?.items ?? [])
    .filter((category) => category.active)
    .map((category) => ({
      code: category.code,
      name: locale === "en" && category.nameEn ? category.nameEn : category.nameAr,
    }));
  return (
    <LiaisonRoutesPage
      liaisonOfficers={liaisonOfficers}
      categories={categoryOptions}
      loading={users.isPending || categories.isPending}
    />
  );
}
