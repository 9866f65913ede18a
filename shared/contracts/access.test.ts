import { describe, expect, it } from "vitest";
import { disclosureFor, fileKinds, mayOpenFileKind, mayReadField } from "./access.js";
import { associationRoles } from "./roles.js";

describe("the sensitive-access table", () => {
  it("withholds a field from a role outside its list, even when it is empty, and names it", () => {
    const asOfficer = disclosureFor({ roles: ["officer"] });
    expect(asOfficer.reveal("beneficiary.health_notes", "سكري")).toBeNull();
    expect(asOfficer.reveal("beneficiary.disability", null)).toBeNull();
    expect(asOfficer.withheld()).toEqual(["beneficiary.health_notes", "beneficiary.disability"]);
    expect(asOfficer.disclosed()).toEqual([]);

    const asResearcher = disclosureFor({ roles: ["officer", "social_researcher"] });
    expect(asResearcher.reveal("beneficiary.health_notes", "سكري")).toBe("سكري");
    expect(asResearcher.withheld()).toEqual([]);
    expect(asResearcher.disclosed()).toEqual(["beneficiary.health_notes"]);
  });

  it("lets the person a record names read it only where the table says so", () => {
    expect(mayReadField(["officer"], "request.social_study", true)).toBe(true);
    expect(mayReadField(["administrator"], "complaint.details", true)).toBe(true);
    expect(mayReadField(["officer"], "beneficiary.health_notes", true)).toBe(false);
  });

  it("keeps every beneficiary's file kind from HR and board members; the library is everyone's", () => {
    for (const kind of Object.keys(fileKinds) as (keyof typeof fileKinds)[]) {
      if (kind === "library_document") continue;
      expect(mayOpenFileKind(["hr"], kind), kind).toBe(false);
      expect(mayOpenFileKind(["board_member"], kind), kind).toBe(false);
    }
    for (const role of associationRoles) expect(mayOpenFileKind([role], "library_document")).toBe(true);
    expect(mayOpenFileKind(["platform_operator"], "library_document")).toBe(false);
  });
});
