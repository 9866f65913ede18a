import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
let admin: Client;
let officer: Client;
let associationId: string;

beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "calendar");
  associationId = association.id;
  admin = await signIn(h, (await createUser(h, association.id, ["administrator"])).email);
  officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
});
afterAll(() => h.close());

type Day = { date: string; hijri: string; status: string; source: string; generatedKind: string | null };
const year = async (client: Client, y: number) =>
  (await client.request("GET", `/api/calendar/days?year=${y}`)).json();

describe("the association's working calendar", () => {
  it("generates the official holidays of a year with their Hijri dates", async () => {
    const calendar = await year(officer, 2026);
    expect(calendar.weekend).toEqual([5, 6]);
    const days = calendar.days as Day[];
    const fitr = days.filter((d) => d.generatedKind === "eid_al_fitr").map((d) => d.date);
    // 29 Ramadan 1447 is 2026-03-18 (Umm al-Qura); the holiday is the four days after it.
    expect(fitr).toEqual(["2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22"]);
    expect(days.find((d) => d.generatedKind === "founding_day")).toMatchObject({
      date: "2026-02-22",
      hijri: "1447-09-05",
    });
    expect(days.find((d) => d.generatedKind === "national_day")?.date).toBe("2026-09-23");
  });

  it("lets the administrator correct the ministry's announced days and add closures, used by deadlines", async () => {
    const corrected = await admin.request("PUT", "/api/calendar/days/2026-03-22", {
      kind: "working_day",
      nameAr: "دوام بعد إعلان انتهاء الإجازة",
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: "working_day",
      source: "edited",
      generatedKind: "eid_al_fitr",
    });
    await admin.request("PUT", "/api/calendar/days/2026-03-24", { kind: "closure", nameAr: "جرد سنوي" });

    const calendar = await h.db.tenant(associationId, (tx) =>
      h.modules.calendar.service.workingCalendar(tx, 2026, 2026),
    );
    expect(calendar.isWorkingDay("2026-03-22")).toBe(true);
    expect(calendar.isWorkingDay("2026-03-24")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-21")).toBe(false);
    // From Wednesday 18 March, the first working day after is Sunday 22 (corrected), then Monday 23.
    expect(calendar.addWorkingDays("2026-03-18", 2)).toBe("2026-03-23");
    expect(calendar.addWorkingDays("2026-03-18", 3)).toBe("2026-03-25");
    expect(await auditTypes(h, associationId)).toContain("calendar.day_set");

    expect((await admin.request("DELETE", "/api/calendar/days/2026-03-24")).statusCode).toBe(204);
    const after = (await year(admin, 2026)).days as Day[];
    expect(after.find((d) => d.date === "2026-03-24")).toBeUndefined();
  });

  it("keeps editing to the administrator and refuses impossible dates", async () => {
    const refused = await officer.request("PUT", "/api/calendar/days/2026-04-01", {
      kind: "closure",
      nameAr: "إغلاق",
    });
    expect(refused.statusCode).toBe(403);
    const impossible = await admin.request("PUT", "/api/calendar/days/2026-02-30", {
      kind: "closure",
      nameAr: "إغلاق",
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors[0].code).toBe("date_impossible");
  });
});
