import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { AuditLogPage } from "../features/audit/components/audit-log-page.js";
import { SecondFactorPage } from "../features/auth/components/second-factor-page.js";
import { SignInPage } from "../features/auth/components/sign-in-page.js";
import { CategoriesPage } from "../features/beneficiaries/components/categories-page.js";
import { ImportBeneficiariesPage } from "../features/beneficiaries/components/import-beneficiaries-page.js";
import {
  EditBeneficiaryPage,
  RegisterBeneficiaryPage,
} from "../features/beneficiaries/components/register-beneficiary-page.js";
import { OpenClaimPage } from "../features/compensation/components/open-claim-page.js";
import { ComplaintsDashboardPage } from "../features/complaints/components/complaints-dashboard-page.js";
import { PublicComplaintPage } from "../features/complaints/components/public-complaint-page.js";
import { ComplaintTrackingPage } from "../features/complaints/components/tracking-page.js";
import { LiaisonLoadPage } from "../features/contacts/components/liaison-load-page.js";
import { EvidencePacksPage } from "../features/evidence/components/evidence-packs-page.js";
import { AssociationsPage } from "../features/platform/components/associations-page.js";
import { OpenAssociationPage } from "../features/platform/components/open-association-page.js";
import { ComplianceReportPage } from "../features/requests/components/compliance-report-page.js";
import { RequestSettingsPage } from "../features/requests/components/request-settings-page.js";
import { RequirementsSheetPage } from "../features/services/components/requirements-sheet-page.js";
import { ServiceFormPage } from "../features/services/components/service-form-page.js";
import { LiaisonRoutesRoute, WorkingCalendarRoute } from "./admin-routes.js";
import { AppShell } from "./app-shell.js";
import { BeneficiaryFileRoute, BeneficiarySearchRoute } from "./beneficiary-routes.js";
import {
  ClaimRoute,
  ClaimsRoute,
  ComplaintRoute,
  ComplaintsRoute,
  RecordComplaintRoute,
} from "./complaints-routes.js";
import { CorrespondenceRoute, InboxRoute } from "./contacts-routes.js";
import { DashboardLoading } from "./dashboard-loading.js";
import { ChecklistsRoute, FieldVisitRoute, FieldVisitsRoute, RecordVisitRoute } from "./fieldwork-routes.js";
import { HomePage } from "./home-page.js";
import { NotFoundPage } from "./not-found-page.js";
import {
  AcknowledgementsRoute,
  LibraryRoute,
  PolicyDraftRoute,
  PolicyDraftsRoute,
  PolicyRoute,
  PolicyVersionRoute,
} from "./policy-routes.js";
import { PublicLayout } from "./public-layout.js";
import {
  CommitteesRoute,
  MeetingRoute,
  MeetingsRoute,
  NewMeetingRoute,
  OpenRequestRoute,
  RequestRoute,
  RequestsRoute,
  ServicesRoute,
} from "./requests-routes.js";
import { RequireSession } from "./require-session.js";
import { RoleGate } from "./role-gate.js";
import {
  NewSurveyRoute,
  SurveyCampaignsRoute,
  SurveyFollowUpsRoute,
  SurveyResultsRoute,
  SurveyRoute,
  SurveysRoute,
} from "./surveys-routes.js";
import { AccountRoute, StaffAccountsRoute } from "./users-routes.js";

// The dashboard and its charting library load only when a manager opens it (ADR 0026).
const ManagementDashboardPage = lazy(
  () => import("../features/dashboards/components/management-dashboard-page.js"),
);

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      // The association's public complaint page and the tracking link: no account (Q1).
      { path: "/p/:slug/complaint", element: <PublicComplaintPage /> },
      { path: "/complaints/track/:token", element: <ComplaintTrackingPage /> },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          // Every signed-in person's own account: no role gate.
          { path: "/account/second-factor", element: <SecondFactorPage /> },
          {
            path: "/inbox",
            element: (
              <RoleGate item="inbox">
                <InboxRoute />
              </RoleGate>
            ),
          },
          {
            path: "/reports/liaison-officers",
            element: (
              <RoleGate item="reports.liaison">
                <LiaisonLoadPage />
              </RoleGate>
            ),
          },
          {
            path: "/audit",
            element: (
              <RoleGate item="audit">
                <AuditLogPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries",
            element: (
              <RoleGate item="beneficiaries">
                <BeneficiarySearchRoute />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/new",
            element: (
              <RoleGate item="beneficiaries.register">
                <RegisterBeneficiaryPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/:beneficiaryId",
            element: (
              <RoleGate item="beneficiaries">
                <BeneficiaryFileRoute />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/import",
            element: (
              <RoleGate item="beneficiaries.import">
                <ImportBeneficiariesPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/:beneficiaryId/edit",
            element: (
              <RoleGate item="beneficiaries.edit">
                <EditBeneficiaryPage />
              </RoleGate>
            ),
          },
          {
            path: "/field",
            element: (
              <RoleGate item="field">
                <FieldVisitsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/field/new",
            element: (
              <RoleGate item="field.new">
                <RecordVisitRoute />
              </RoleGate>
            ),
          },
          {
            path: "/field/checklists",
            element: (
              <RoleGate item="field.checklists">
                <ChecklistsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/field/visits/:visitId",
            element: (
              <RoleGate item="field.visit">
                <FieldVisitRoute />
              </RoleGate>
            ),
          },
          {
            path: "/surveys",
            element: (
              <RoleGate item="surveys">
                <SurveysRoute />
              </RoleGate>
            ),
          },
          {
            path: "/surveys/new",
            element: (
              <RoleGate item="surveys.new">
                <NewSurveyRoute />
              </RoleGate>
            ),
          },
          {
            path: "/surveys/:surveyId",
            element: (
              <RoleGate item="surveys.survey">
                <SurveyRoute />
              </RoleGate>
            ),
          },
          {
            path: "/surveys/:surveyId/results",
            element: (
              <RoleGate item="surveys.results">
                <SurveyResultsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/survey-campaigns",
            element: (
              <RoleGate item="surveys.campaigns">
                <SurveyCampaignsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/survey-follow-ups",
            element: (
              <RoleGate item="surveys.followUps">
                <SurveyFollowUpsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/correspondence",
            element: (
              <RoleGate item="correspondence">
                <CorrespondenceRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/calendar",
            element: (
              <RoleGate item="calendar">
                <WorkingCalendarRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/liaison",
            element: (
              <RoleGate item="liaison">
                <LiaisonRoutesRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/categories",
            element: (
              <RoleGate item="categories">
                <CategoriesPage />
              </RoleGate>
            ),
          },
          {
            path: "/complaints",
            element: (
              <RoleGate item="complaints">
                <ComplaintsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/complaints/new",
            element: (
              <RoleGate item="complaints.record">
                <RecordComplaintRoute />
              </RoleGate>
            ),
          },
          {
            path: "/dashboards",
            element: (
              <RoleGate item="dashboards.management">
                <Suspense fallback={<DashboardLoading />}>
                  <ManagementDashboardPage />
                </Suspense>
              </RoleGate>
            ),
          },
          {
            path: "/evidence",
            element: (
              <RoleGate item="evidence">
                <EvidencePacksPage />
              </RoleGate>
            ),
          },
          {
            path: "/complaints/dashboard",
            element: (
              <RoleGate item="complaints.dashboard">
                <ComplaintsDashboardPage />
              </RoleGate>
            ),
          },
          {
            path: "/complaints/:complaintId",
            element: (
              <RoleGate item="complaints.file">
                <ComplaintRoute />
              </RoleGate>
            ),
          },
          {
            path: "/compensation",
            element: (
              <RoleGate item="compensation">
                <ClaimsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/compensation/new",
            element: (
              <RoleGate item="compensation.new">
                <OpenClaimPage />
              </RoleGate>
            ),
          },
          {
            path: "/compensation/:claimId",
            element: (
              <RoleGate item="compensation.claim">
                <ClaimRoute />
              </RoleGate>
            ),
          },
          {
            path: "/requests",
            element: (
              <RoleGate item="requests">
                <RequestsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/reports/response-compliance",
            element: (
              <RoleGate item="reports.compliance">
                <ComplianceReportPage />
              </RoleGate>
            ),
          },
          {
            path: "/requests/new",
            element: (
              <RoleGate item="requests.new">
                <OpenRequestRoute />
              </RoleGate>
            ),
          },
          {
            path: "/requests/:requestId",
            element: (
              <RoleGate item="requests.request">
                <RequestRoute />
              </RoleGate>
            ),
          },
          {
            path: "/meetings",
            element: (
              <RoleGate item="meetings">
                <MeetingsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/meetings/new",
            element: (
              <RoleGate item="meetings.new">
                <NewMeetingRoute />
              </RoleGate>
            ),
          },
          {
            path: "/meetings/:meetingId",
            element: (
              <RoleGate item="meetings.meeting">
                <MeetingRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/committees",
            element: (
              <RoleGate item="committees">
                <CommitteesRoute />
              </RoleGate>
            ),
          },
          {
            path: "/services",
            element: (
              <RoleGate item="services">
                <ServicesRoute />
              </RoleGate>
            ),
          },
          {
            path: "/services/:serviceId/sheet",
            element: (
              <RoleGate item="services.sheet">
                <RequirementsSheetPage />
              </RoleGate>
            ),
          },
          {
            path: "/admin/services/new",
            element: (
              <RoleGate item="services.manage">
                <ServiceFormPage />
              </RoleGate>
            ),
          },
          {
            path: "/admin/services/:serviceId/edit",
            element: (
              <RoleGate item="services.manage">
                <ServiceFormPage />
              </RoleGate>
            ),
          },
          {
            path: "/policy",
            element: (
              <RoleGate item="policy">
                <PolicyRoute />
              </RoleGate>
            ),
          },
          {
            path: "/policy/versions/:versionId",
            element: (
              <RoleGate item="policy.version">
                <PolicyVersionRoute />
              </RoleGate>
            ),
          },
          {
            path: "/policy/drafts",
            element: (
              <RoleGate item="policy.drafts">
                <PolicyDraftsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/policy/drafts/:draftId",
            element: (
              <RoleGate item="policy.draft">
                <PolicyDraftRoute />
              </RoleGate>
            ),
          },
          {
            path: "/policy/acknowledgements",
            element: (
              <RoleGate item="policy.acknowledgements">
                <AcknowledgementsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/library",
            element: (
              <RoleGate item="library">
                <LibraryRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/request-settings",
            element: (
              <RoleGate item="requests.settings">
                <RequestSettingsPage />
              </RoleGate>
            ),
          },
          {
            path: "/platform/associations",
            element: (
              <RoleGate item="platform">
                <AssociationsPage />
              </RoleGate>
            ),
          },
          {
            path: "/platform/associations/new",
            element: (
              <RoleGate item="platform.open">
                <OpenAssociationPage />
              </RoleGate>
            ),
          },
          {
            path: "/admin/users",
            element: (
              <RoleGate item="users">
                <StaffAccountsRoute />
              </RoleGate>
            ),
          },
          {
            path: "/account",
            element: (
              <RoleGate item="account">
                <AccountRoute />
              </RoleGate>
            ),
          },
          // New feature pages go here, each behind the RoleGate of its row in navigation.ts.
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
