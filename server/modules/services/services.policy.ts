import { definePolicy } from "../../http/policy.js";

/** The catalogue is public knowledge inside the association (G7); only the administrator shapes it. */
export const servicesPolicy = definePolicy({
  read: [
    "officer",
    "branch_representative",
    "social_researcher",
    "committee_member",
    "liaison_officer",
    "manager",
    "administrator",
  ],
  manage: ["administrator"],
});
