import type { StaffRole } from "../../shared/contracts/roles.js";
import { BeneficiaryFilePage } from "../features/beneficiaries/components/beneficiary-file-page.js";
import { BeneficiarySearchPage } from "../features/beneficiaries/components/beneficiary-search-page.js";
import { BeneficiaryContacts } from "../features/contacts/components/beneficiary-contacts.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

// What a role may do on a page it may open. These mirror the server's policies
// (beneficiaries.policy.ts, contacts.policy.ts), which refuse the request whatever the page shows.
const consentRoles: readonly StaffRole[] = ["officer", "branch_representative", "social_researcher"];
const contactRoles: readonly StaffRole[] = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "manager",
];

const mayAny = (mine: readonly StaffRole[], allowed: readonly StaffRole[]) =>
  mine.some((role) => allowed.includes(role));

/** The search page, with the registration button for those who may register. */
export function BeneficiarySearchRoute() {
  const user = useCurrentUser();
  return (
    <BeneficiarySearchPage canRegister={isAllowed(navigationItem("beneficiaries.register"), user.roles)} />
  );
}

/** The file page, with the person's contacts and timeline composed in from the contacts feature. */
export function BeneficiaryFileRoute() {
  const user = useCurrentUser();
  const canRecord = mayAny(user.roles, contactRoles);
  return (
    <BeneficiaryFilePage
      canManageConsent={mayAny(user.roles, consentRoles)}
      contacts={(beneficiaryId) => (
        <BeneficiaryContacts beneficiaryId={beneficiaryId} canRecord={canRecord} />
      )}
    />
  );
}
