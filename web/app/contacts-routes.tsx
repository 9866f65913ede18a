import type { StaffRole } from "../../shared/contracts/roles.js";
import { CorrespondencePage } from "../features/contacts/components/correspondence-page.js";
import { LiaisonInboxPage } from "../features/contacts/components/liaison-inbox-page.js";
import { attachmentsFor } from "./attachments.js";
import { useCurrentUser } from "./require-session.js";

// Registering a letter is the front line's, as recording a contact is (contacts.policy.ts `record`).
export const recordRoles: readonly StaffRole[] = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "manager",
];

export function mayAny(mine: readonly StaffRole[], allowed: readonly StaffRole[]): boolean {
  return mine.some((role) => allowed.includes(role));
}

/** The correspondence register, with the register form for those who may record. */
export function CorrespondenceRoute() {
  const user = useCurrentUser();
  return (
    <CorrespondencePage
      canRegister={mayAny(user.roles, recordRoles)}
      attachments={attachmentsFor(user.roles)}
    />
  );
}

/** The liaison officer's inbox; a cited library document links to its file. */
export function InboxRoute() {
  const user = useCurrentUser();
  return <LiaisonInboxPage href={attachmentsFor(user.roles).href} />;
}
