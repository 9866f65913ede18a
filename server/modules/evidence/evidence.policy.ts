import { definePolicy } from "../../http/policy.js";

// Senior management prepares the governance assessment and hands the pack to the board (G7). The
// pack lists compensation proofs and every employee's signature, read only by management among the
// roles a board member would share them with (ADR 0028).
export const evidencePolicy = definePolicy({
  request: ["manager"],
  read: ["manager"],
});
