import { Link } from "react-router";
import { mayOpenFileKind } from "../../shared/contracts/access.js";
import type { ComplaintView } from "../../shared/contracts/complaints.js";
import { noticeActorRoles, noticeReaderRoles } from "../../shared/contracts/notifications.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { ClaimPage } from "../features/compensation/components/claim-page.js";
import { ClaimsPage } from "../features/compensation/components/claims-page.js";
import { ComplaintPage } from "../features/complaints/components/complaint-page.js";
import { ComplaintsPage } from "../features/complaints/components/complaints-page.js";
import { RecordComplaintPage } from "../features/complaints/components/record-complaint-page.js";
import { fileHref, uploadFile } from "../features/files/api/upload-file.js";
import { NoticesSection } from "../features/notifications/components/notices-section.js";
import { useUsers } from "../features/users/api/list-users.js";
import { useI18n } from "../i18n/i18n.js";
import { mayAny } from "./contacts-routes.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

// What a role may do on a page it may open. These mirror complaints.policy.ts and users.policy.ts,
// which refuse the request whatever the page shows.
const handleRoles: readonly StaffRole[] = ["followup_committee_member", "manager", "administrator"];
const assignRoles: readonly StaffRole[] = ["followup_committee_member", "manager"];
const directRoles: readonly StaffRole[] = ["manager", "board_member"];
const manageClaimRoles: readonly StaffRole[] = ["followup_committee_member", "manager"];
const approveClaimRoles: readonly StaffRole[] = ["manager"];
const listUsersRoles: readonly StaffRole[] = ["administrator", "manager", "hr"];

type Person = { id: string; name: string };

/**
 * Staff to choose from: the association's list for those who may read it, otherwise the signed-in
 * member alone (a follow-up committee member can still take a complaint or sign the minutes).
 */
export function useStaffChoice(allowed: readonly StaffRole[] | "any"): Person[] {
  const user = useCurrentUser();
  const users = useUsers(mayAny(user.roles, listUsersRoles));
  const self: Person[] =
    allowed === "any" || mayAny(user.roles, allowed) ? [{ id: user.id, name: user.fullName }] : [];
  const listed = (users.data?.items ?? [])
    .filter((person) => person.active && (allowed === "any" || mayAny(person.roles, allowed)))
    .map((person) => ({ id: person.id, name: person.fullName }));
  return [...self, ...listed.filter((person) => person.id !== user.id)];
}

/** The complaints list, with the record button for those who receive complaints. */
export function ComplaintsRoute() {
  const user = useCurrentUser();
  return <ComplaintsPage canRecord={isAllowed(navigationItem("complaints.record"), user.roles)} />;
}

/** One complaint, with compensation composed in: a claim opens from it (K1). */
export function ComplaintRoute() {
  const user = useCurrentUser();
  const assignees = useStaffChoice(handleRoles);
  const canOpenClaim = mayAny(user.roles, manageClaimRoles);
  const readsNotices = mayAny(user.roles, noticeReaderRoles);
  return (
    <ComplaintPage
      canHandle={mayAny(user.roles, handleRoles)}
      canAssign={mayAny(user.roles, assignRoles)}
      canDirect={mayAny(user.roles, directRoles)}
      assignees={assignees}
      href={(fileId) => (mayOpenFileKind(user.roles, "complaint_attachment") ? fileHref(fileId) : null)}
      related={(complaint) => (
        <>
          {canOpenClaim ? <OpenClaimFromComplaint complaint={complaint} /> : null}
          {readsNotices ? (
            <NoticesSection
              query={{ subjectType: "complaint", subjectId: complaint.id }}
              canAct={mayAny(user.roles, noticeActorRoles)}
            />
          ) : null}
        </>
      )}
    />
  );
}

function OpenClaimFromComplaint({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const query = new URLSearchParams({ complaintId: complaint.id });
  if (complaint.complainant?.name) query.set("claimantName", complaint.complainant.name);
  if (complaint.beneficiaryId) query.set("beneficiaryId", complaint.beneficiaryId);
  return (
    <section className="card">
      <h2 className="card__title">{t("compensation.fromComplaint.title")}</h2>
      <p className="muted">{t("compensation.fromComplaint.hint")}</p>
      <div>
        <Link className="button button--secondary" to={`/compensation/new?${query.toString()}`}>
          {t("compensation.open.title")}
        </Link>
      </div>
    </section>
  );
}

/** Recording a complaint received by phone, fax, letter or in person; files go through the files feature. */
export function RecordComplaintRoute() {
  const user = useCurrentUser();
  return (
    <RecordComplaintPage
      upload={uploadFile}
      canOpenList={isAllowed(navigationItem("complaints"), user.roles)}
    />
  );
}

/** The claims list, with the open button for the follow-up committee and senior management. */
export function ClaimsRoute() {
  const user = useCurrentUser();
  return <ClaimsPage canOpen={isAllowed(navigationItem("compensation.new"), user.roles)} />;
}

/** One claim; the minutes name the staff who approved them, the ruling's document is uploaded. */
export function ClaimRoute() {
  const user = useCurrentUser();
  const approvers = useStaffChoice("any");
  return (
    <ClaimPage
      canManage={mayAny(user.roles, manageClaimRoles)}
      canApprove={mayAny(user.roles, approveClaimRoles)}
      approvers={approvers}
      upload={uploadFile}
      href={(fileId) => (mayOpenFileKind(user.roles, "judicial_ruling") ? fileHref(fileId) : null)}
    />
  );
}
