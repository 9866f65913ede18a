import { noticeActorRoles, noticeReaderRoles } from "../../shared/contracts/notifications.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { BeneficiaryFilePage } from "../features/beneficiaries/components/beneficiary-file-page.js";
import { BeneficiarySearchPage } from "../features/beneficiaries/components/beneficiary-search-page.js";
import { BeneficiaryContacts } from "../features/contacts/components/beneficiary-contacts.js";
import { BeneficiaryCorrespondence } from "../features/contacts/components/beneficiary-correspondence.js";
import { NoticesSection } from "../features/notifications/components/notices-section.js";
import { useCurrentPolicy } from "../features/policy/api/get-current-policy.js";
import { attachmentsFor } from "./attachments.js";
import { mayAny, recordRoles } from "./contacts-routes.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { BeneficiaryRequestsPanel } from "./requests-routes.js";
import { useCurrentUser } from "./require-session.js";
import { BeneficiarySurveyPreference } from "./surveys-routes.js";

// What a role may do on a page it may open. These mirror the server's policies
// (beneficiaries.policy.ts, contacts.policy.ts), which refuse the request whatever the page shows.
const consentRoles: readonly StaffRole[] = ["officer", "branch_representative", "social_researcher"];
const mergeRoles: readonly StaffRole[] = ["officer", "manager"];

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
  const canRecord = mayAny(user.roles, recordRoles);
  const attachments = attachmentsFor(user.roles);
  const policy = useCurrentPolicy();
  return (
    <BeneficiaryFilePage
      canManageConsent={mayAny(user.roles, consentRoles)}
      canEdit={isAllowed(navigationItem("beneficiaries.edit"), user.roles)}
      canMerge={mayAny(user.roles, mergeRoles)}
      contacts={(beneficiaryId, file) => (
        <>
          <BeneficiaryRequestsPanel beneficiaryId={beneficiaryId} mayOpen={file.mayOpenWork} />
          {mayAny(user.roles, noticeReaderRoles) ? (
            <NoticesSection query={{ beneficiaryId }} canAct={mayAny(user.roles, noticeActorRoles)} />
          ) : null}
          <BeneficiarySurveyPreference beneficiaryId={beneficiaryId} />
          <BeneficiaryContacts
            beneficiaryId={beneficiaryId}
            canRecord={canRecord}
            attachments={attachments}
            channels={policy.data?.content.channels ?? []}
          />
          <BeneficiaryCorrespondence
            beneficiaryId={beneficiaryId}
            canRegister={canRecord}
            href={attachments.href}
          />
        </>
      )}
    />
  );
}
