import { surveyRoles } from "../../../shared/contracts/surveys.js";
import { definePolicy } from "../../http/policy.js";

// The roles live in shared/contracts/surveys.ts so the web's menu derives from the same table.
export const surveysPolicy = definePolicy({
  // Management and the administrator build surveys, set when invitations go and run campaigns.
  build: surveyRoles.build,
  // Aggregates only: management and the board read the results and the campaigns' counts.
  results: surveyRoles.results,
  // Follow-ups the respondents allowed: management and the follow-up committee act on them.
  followUps: surveyRoles.followUps,
  // Whether a person wants surveys is recorded from their file by those who receive them.
  preference: ["officer", "branch_representative", "social_researcher", "liaison_officer", "manager"],
});
