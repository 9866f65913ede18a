import { lazy, Suspense } from "react";
import { useParams } from "react-router";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { surveyRoles } from "../../shared/contracts/surveys.js";
import { CampaignsPage } from "../features/surveys/components/campaigns-page.js";
import { FollowUpsPage } from "../features/surveys/components/follow-ups-page.js";
import { MyRating } from "../features/surveys/components/my-rating.js";
import { NewSurveyPage, SurveyPage } from "../features/surveys/components/survey-builder-page.js";
import { SurveyPreference } from "../features/surveys/components/survey-preference.js";
import { SurveysPage } from "../features/surveys/components/surveys-page.js";
import { useStaffChoice } from "./complaints-routes.js";
import { mayAny } from "./contacts-routes.js";
import { DashboardLoading } from "./dashboard-loading.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

// What a role may do on a page it may open, mirroring surveys.policy.ts (which refuses the request
// whatever the page shows): the settings are the administrator's and the manager's; the campaigns'
// counts are read with the results; a task from a follow-up goes to any staff member; a person's
// survey preference is read and recorded from their file by those who receive them.
const settingsRoles: readonly StaffRole[] = surveyRoles.build;
const preferenceRoles: readonly StaffRole[] = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "manager",
];

// A survey's results draw charts: ECharts loads only when they are opened (ADR 0026).
const SurveyResultsPage = lazy(() => import("../features/surveys/components/survey-results-page.js"));

const useReadsResults = () => isAllowed(navigationItem("surveys.results"), useCurrentUser().roles);

export function SurveysRoute() {
  const user = useCurrentUser();
  return (
    <SurveysPage canChangeSettings={mayAny(user.roles, settingsRoles)} canReadResults={useReadsResults()} />
  );
}

export function NewSurveyRoute() {
  return <NewSurveyPage />;
}

export function SurveyRoute() {
  const { surveyId = "" } = useParams();
  return <SurveyPage key={surveyId} surveyId={surveyId} canReadResults={useReadsResults()} />;
}

export function SurveyResultsRoute() {
  const { surveyId = "" } = useParams();
  return (
    <Suspense fallback={<DashboardLoading />}>
      <SurveyResultsPage key={surveyId} surveyId={surveyId} />
    </Suspense>
  );
}

export function SurveyCampaignsRoute() {
  // The counts of each campaign are results: read by those who read results.
  return <CampaignsPage canReadResults={useReadsResults()} />;
}

export function SurveyFollowUpsRoute() {
  return <FollowUpsPage people={useStaffChoice("any")} />;
}

/** «تقييمي» inside «حسابي»: for association staff (the platform operator serves no one). */
export function MyRatingSection() {
  const user = useCurrentUser();
  return user.roles.some((role) => role !== "platform_operator") ? <MyRating /> : null;
}

/** The survey preference on a beneficiary's file, for those who record it (others do not read it). */
export function BeneficiarySurveyPreference({ beneficiaryId }: { beneficiaryId: string }) {
  const user = useCurrentUser();
  return mayAny(user.roles, preferenceRoles) ? <SurveyPreference beneficiaryId={beneficiaryId} /> : null;
}
