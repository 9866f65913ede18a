import { describe, expect, it } from "vitest";
import { secondFactorRequired } from "./second-factor.js";

describe("who must sign in with a second factor", () => {
  it("requires it of administrators and of the roles that read sensitive fields", () => {
    for (const role of [
      "administrator",
      "manager",
      "social_researcher",
      "committee_member",
      "followup_committee_member",
    ] as const) {
      expect(secondFactorRequired([role]), role).toBe(true);
    }
  });

  it("leaves it optional for the other roles, unless one of their roles requires it", () => {
    expect(secondFactorRequired(["officer", "liaison_officer", "hr", "board_member"])).toBe(false);
    expect(secondFactorRequired(["officer", "manager"])).toBe(true);
    expect(secondFactorRequired([])).toBe(false);
  });
});
