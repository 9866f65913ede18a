import { definePolicy } from "../../http/policy.js";

export const usersPolicy = definePolicy({
  list: ["administrator", "manager", "hr"],
  create: ["administrator"],
});
