import { definePolicy } from "../../http/policy.js";

export const usersPolicy = definePolicy({
  list: ["administrator", "manager", "hr"],
  create: ["administrator"],
  /** Roles, deactivation, password resets, unlocking and ending sessions: access itself. */
  administer: ["administrator"],
});
