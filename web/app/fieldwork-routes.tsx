import { useParams } from "react-router";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { ChecklistsPage } from "../features/fieldwork/components/checklists-page.js";
import { FieldVisitPage } from "../features/fieldwork/components/field-visit-page.js";
import { FieldVisitsPage } from "../features/fieldwork/components/field-visits-page.js";
import { RecordVisitPage } from "../features/fieldwork/components/record-visit-page.js";
import { attachmentsFor } from "./attachments.js";
import { useCurrentUser } from "./require-session.js";

// fieldwork.policy.ts: record (and read), manageChecklists, supervise.
export const fieldRecordRoles: readonly StaffRole[] = ["manager", "administrator", "branch_representative"];
export const fieldChecklistRoles: readonly StaffRole[] = ["administrator", "manager"];

const mayAny = (mine: readonly StaffRole[], allowed: readonly StaffRole[]) =>
  mine.some((role) => allowed.includes(role));

export function FieldVisitsRoute() {
  const user = useCurrentUser();
  return (
    <FieldVisitsPage
      canRecord={mayAny(user.roles, fieldRecordRoles)}
      canManageChecklists={mayAny(user.roles, fieldChecklistRoles)}
    />
  );
}

export function RecordVisitRoute() {
  const user = useCurrentUser();
  return <RecordVisitPage upload={attachmentsFor(user.roles).upload} />;
}

/** A visit: its readers, and any staff member who owns one of its actions (from «عملي»). */
export function FieldVisitRoute() {
  const user = useCurrentUser();
  const { visitId = "" } = useParams();
  const files = attachmentsFor(user.roles);
  return (
    <FieldVisitPage
      key={visitId}
      visitId={visitId}
      userId={user.id}
      canSupervise={mayAny(user.roles, fieldRecordRoles)}
      photoHref={(fileId) => files.href(fileId, "field_photo")}
    />
  );
}

export function ChecklistsRoute() {
  return <ChecklistsPage />;
}
