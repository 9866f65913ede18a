import { definePolicy } from "../../http/policy.js";

export const authPolicy = definePolicy({
  /** Removing someone's second factor (a lost phone) is account administration. */
  resetSecondFactor: ["administrator"],
});
