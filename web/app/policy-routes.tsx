import { useParams } from "react-router";
import { type StaffRole, staffRoles } from "../../shared/contracts/roles.js";
import { LibraryPage } from "../features/library/components/library-page.js";
import { useCurrentPolicy } from "../features/policy/api/get-current-policy.js";
import { AcknowledgementsPage } from "../features/policy/components/acknowledgements-page.js";
import { PolicyDraftPage } from "../features/policy/components/policy-draft-page.js";
import { PolicyDraftsPage } from "../features/policy/components/policy-drafts-page.js";
import { PolicyPage, PolicyVersionPage } from "../features/policy/components/policy-page.js";
import { useI18n } from "../i18n/i18n.js";
import { attachments } from "./attachments.js";
import { mayAny } from "./contacts-routes.js";
import { useCurrentUser } from "./require-session.js";

// As policy.policy.ts declares: drafts are the administrator's, the resolution is recorded by a
// board member or the administrator, the library is kept by the administrator.
const editDraftRoles: readonly StaffRole[] = ["administrator"];
const approveRoles: readonly StaffRole[] = ["board_member", "administrator"];
const editLibraryRoles: readonly StaffRole[] = ["administrator"];

/** A handling step's documents are the library's, filtered by the step. */
const stepHref = (index: number) => `/library?step=${index}`;

export function PolicyRoute() {
  return <PolicyPage stepHref={stepHref} />;
}

export function PolicyVersionRoute() {
  const { versionId = "" } = useParams();
  return <PolicyVersionPage versionId={versionId} />;
}

export function PolicyDraftsRoute() {
  const user = useCurrentUser();
  return <PolicyDraftsPage canEdit={mayAny(user.roles, editDraftRoles)} />;
}

export function PolicyDraftRoute() {
  const user = useCurrentUser();
  const { draftId = "" } = useParams();
  return (
    <PolicyDraftPage
      key={draftId}
      draftId={draftId}
      canEdit={mayAny(user.roles, editDraftRoles)}
      canApprove={mayAny(user.roles, approveRoles)}
      uploads={attachments}
    />
  );
}

export function AcknowledgementsRoute() {
  const { t } = useI18n();
  const roleName = (role: string) =>
    (staffRoles as readonly string[]).includes(role) ? t(`role.${role as StaffRole}`) : role;
  return <AcknowledgementsPage roleName={roleName} />;
}

/** The library, with the current policy's steps so a document can be linked to where it is needed. */
export function LibraryRoute() {
  const user = useCurrentUser();
  const policy = useCurrentPolicy();
  return (
    <LibraryPage
      canEdit={mayAny(user.roles, editLibraryRoles)}
      uploads={attachments}
      steps={policy.data?.content.handlingSteps ?? []}
    />
  );
}
