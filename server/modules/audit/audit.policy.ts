import { definePolicy } from "../../http/policy.js";

export const auditPolicy = definePolicy({
  // Senior management follows what happens (SPEC S3); the administrator answers for configuration.
  read: ["manager", "administrator"],
});
