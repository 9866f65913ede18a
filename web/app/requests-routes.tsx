import { useState } from "react";
import { useSearchParams } from "react-router";
import { mayOpenFileKind } from "../../shared/contracts/access.js";
import { noticeActorRoles, noticeReaderRoles } from "../../shared/contracts/notifications.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { useBeneficiary } from "../features/beneficiaries/api/get-beneficiary.js";
import { useBeneficiarySearch } from "../features/beneficiaries/api/search-beneficiaries.js";
import { NoticesSection } from "../features/notifications/components/notices-section.js";
import { useRequestSettings } from "../features/requests/api/get-request-settings.js";
import { BeneficiaryRequests } from "../features/requests/components/beneficiary-requests.js";
import { CommitteesPage } from "../features/requests/components/committees-page.js";
import { MeetingPage } from "../features/requests/components/meeting-page.js";
import { MeetingsPage } from "../features/requests/components/meetings-page.js";
import { NewMeetingPage } from "../features/requests/components/new-meeting-page.js";
import { OpenRequestPage } from "../features/requests/components/open-request-page.js";
import { RequestPage } from "../features/requests/components/request-page.js";
import { RequestsPage } from "../features/requests/components/requests-page.js";
import { useServices } from "../features/services/api/list-services.js";
import { ServicesPage } from "../features/services/components/services-page.js";
import { useUsers } from "../features/users/api/list-users.js";
import { useI18n } from "../i18n/i18n.js";
import { attachments } from "./attachments.js";
import { mayAny } from "./contacts-routes.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

// What a role may do on a request it may open. These mirror requests.policy.ts, which refuses the
// request whatever the page shows; the page also asks the request's state before offering a step.
const frontLine: readonly StaffRole[] = ["officer", "branch_representative", "social_researcher"];
const referRoles: readonly StaffRole[] = ["officer", "branch_representative"];
const cancelRoles: readonly StaffRole[] = ["officer", "manager"];
const deliverRoles: readonly StaffRole[] = ["officer", "branch_representative", "manager"];
const closeRoles: readonly StaffRole[] = ["officer", "manager"];
const voteRoles: readonly StaffRole[] = ["committee_member"];
const manageCommitteeRoles: readonly StaffRole[] = ["administrator"];
const listUsersRoles: readonly StaffRole[] = ["administrator", "manager", "hr"];
const readSettingsRoles: readonly StaffRole[] = ["administrator", "manager", "officer"];

/** The requests list, with «فتح طلب» for the front line. */
export function RequestsRoute() {
  const user = useCurrentUser();
  return <RequestsPage canOpen={isAllowed(navigationItem("requests.new"), user.roles)} />;
}

/** Opening a request: the beneficiary found through the beneficiaries feature, the service from the catalogue. */
export function OpenRequestRoute() {
  const { locale } = useI18n();
  const [params] = useSearchParams();
  const preset = params.get("beneficiaryId");
  const [text, setText] = useState("");
  const search = useBeneficiarySearch(text);
  const presetFile = useBeneficiary(preset ?? "", Boolean(preset));
  const services = useServices(true);
  const choice = (person: { id: string; fullName: string; fileNumber: number }) => ({
    id: person.id,
    name: person.fullName,
    detail: `#${person.fileNumber}`,
  });
  return (
    <OpenRequestPage
      key={presetFile.data?.id ?? "search"}
      beneficiary={presetFile.data ? choice(presetFile.data) : null}
      search={{
        text,
        onText: setText,
        results: (search.data?.items ?? []).slice(0, 8).map(choice),
        searching: search.isFetching,
      }}
      services={(services.data?.items ?? []).map((service) => ({
        id: service.id,
        name: locale === "en" && service.nameEn ? service.nameEn : service.nameAr,
      }))}
      sheetHref={(serviceId) => `/services/${serviceId}/sheet`}
    />
  );
}

/**
 * One request. Referral owners are the staff holding the role the association refers to, as the
 * request settings list them.
 */
export function RequestRoute() {
  const user = useCurrentUser();
  const settings = useRequestSettings(
    mayAny(user.roles, readSettingsRoles) && mayAny(user.roles, referRoles),
  );
  // The settings name who holds the referral role, so whoever may refer chooses by name.
  const owners = (settings.data?.referralStaff ?? []).map((person) => ({
    id: person.id,
    name: person.fullName,
  }));
  return (
    <RequestPage
      may={{
        edit: mayAny(user.roles, frontLine),
        refer: mayAny(user.roles, referRoles),
        declare: mayAny(user.roles, frontLine),
        cancel: mayAny(user.roles, cancelRoles),
        deliver: mayAny(user.roles, deliverRoles),
        close: mayAny(user.roles, closeRoles),
      }}
      userId={user.id}
      referralOwners={owners}
      upload={attachments.upload}
      href={(fileId, kind) => (mayOpenFileKind(user.roles, kind) ? attachments.href(fileId) : null)}
      notices={
        mayAny(user.roles, noticeReaderRoles)
          ? (requestId) => (
              <NoticesSection
                query={{ subjectType: "support_request", subjectId: requestId }}
                canAct={mayAny(user.roles, noticeActorRoles)}
              />
            )
          : undefined
      }
    />
  );
}

/** The person's requests on their file (composed into the beneficiary file by beneficiary-routes). */
export function BeneficiaryRequestsPanel({
  beneficiaryId,
  mayOpen = true,
}: {
  beneficiaryId: string;
  /** False when the person withdrew every consent: the server refuses a new request (ADR 0022). */
  mayOpen?: boolean;
}) {
  const user = useCurrentUser();
  if (!isAllowed(navigationItem("requests"), user.roles)) return null;
  return (
    <BeneficiaryRequests
      beneficiaryId={beneficiaryId}
      canOpen={mayOpen && isAllowed(navigationItem("requests.new"), user.roles)}
    />
  );
}

/** Committees; the administrator forms them from the staff who hold the committee role. */
export function CommitteesRoute() {
  const user = useCurrentUser();
  const canManage = mayAny(user.roles, manageCommitteeRoles);
  const users = useUsers(canManage && mayAny(user.roles, listUsersRoles));
  const candidates = (users.data?.items ?? [])
    .filter((person) => person.active && person.roles.includes("committee_member"))
    .map((person) => ({ id: person.id, name: person.fullName }));
  return <CommitteesPage canManage={canManage} candidates={candidates} />;
}

/** The meetings list, with «اجتماع جديد» for whoever may call one. */
export function MeetingsRoute() {
  const user = useCurrentUser();
  return <MeetingsPage canSchedule={isAllowed(navigationItem("meetings.new"), user.roles)} />;
}

/** A meeting; members vote, decide and approve the minutes; the organiser records attendance. */
export function MeetingRoute() {
  const user = useCurrentUser();
  return (
    <MeetingPage
      canVote={mayAny(user.roles, voteRoles)}
      canOrganise={isAllowed(navigationItem("meetings.new"), user.roles)}
      userId={user.id}
    />
  );
}

/** The catalogue, with the editing links for the administrator. */
export function ServicesRoute() {
  const user = useCurrentUser();
  return <ServicesPage canManage={isAllowed(navigationItem("services.manage"), user.roles)} />;
}

/** A new meeting, offering first a committee the signed-in member sits on. */
export function NewMeetingRoute() {
  return <NewMeetingPage memberId={useCurrentUser().id} />;
}
