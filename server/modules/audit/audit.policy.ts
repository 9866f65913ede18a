import { definePolicy } from "../../http/policy.js";

export const auditPolicy = definePolicy({
  // Senior management follows what happens (SPEC S3); the administrator answers for configuration;
  // the platform operator reads its own log (the platform association's: its acts on associations).
  read: ["manager", "administrator", "platform_operator"],
});
