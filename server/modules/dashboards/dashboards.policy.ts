import { definePolicy } from "../../http/policy.js";

/** Senior management reads the dashboard (S3); the liaison figures it carries are theirs alone too. */
export const dashboardsPolicy = definePolicy({
  read: ["manager"],
});
