import { definePolicy } from "../../http/policy.js";

/** Only the platform operator acts on associations; the service also checks it is the platform's account. */
export const platformPolicy = definePolicy({
  list: ["platform_operator"],
  open: ["platform_operator"],
  suspend: ["platform_operator"],
});
