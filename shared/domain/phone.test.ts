import { describe, expect, it } from "vitest";
import { parseSaudiMobile, parseSaudiPhone } from "./phone.js";

describe("parseSaudiPhone", () => {
  it.each([
    "0501234567",
    "501234567",
    "966501234567",
    "00966501234567",
    "+966501234567",
    "+966 50 123 4567",
    "+966-50-123-4567",
    "(050) 123-4567",
    "050 123 4567",
    "٠٥٠١٢٣٤٥٦٧",
    "+٩٦٦٥٠١٢٣٤٥٦٧",
    "+966 0501234567",
    "0096650.123.4567",
  ])("reads the mobile %s", (input) => {
    expect(parseSaudiPhone(input)).toEqual({
      ok: true,
      kind: "mobile",
      value: "+966501234567",
      e164: "+966501234567",
      national: "0501234567",
    });
  });

  it.each([
    ["0112345678", "+966112345678"],
    ["+966 11 234 5678", "+966112345678"],
    ["012 654 3210", "+966126543210"],
    ["0138765432", "+966138765432"],
    ["014 111 2222", "+966141112222"],
    ["016-333-4444", "+966163334444"],
    ["0175556666", "+966175556666"],
  ])("reads the landline %s", (input, e164) => {
    expect(parseSaudiPhone(input)).toMatchObject({ ok: true, kind: "landline", e164 });
  });

  it("reads toll-free and unified numbers in their national form", () => {
    expect(parseSaudiPhone("800 123 4567")).toMatchObject({
      ok: true,
      kind: "toll_free",
      value: "8001234567",
      e164: null,
    });
    expect(parseSaudiPhone("920 012 345")).toMatchObject({
      ok: true,
      kind: "unified",
      value: "920012345",
      e164: null,
    });
    expect(parseSaudiPhone("٩٢٠٠٠١٢٣٤")).toMatchObject({ ok: true, kind: "unified", value: "920001234" });
  });

  it.each([
    ["", "phone_empty"],
    ["050-ABC-4567", "phone_invalid_characters"],
    ["05012345+67", "phone_invalid_characters"],
    ["+971501234567", "phone_not_saudi"],
    ["0044 20 7946 0000", "phone_not_saudi"],
    ["05012345", "phone_unrecognized"],
    ["05012345678", "phone_unrecognized"],
    ["0151234567", "phone_unrecognized"],
    ["0401234567", "phone_unrecognized"],
  ])("rejects %j with %s", (input, code) => {
    expect(parseSaudiPhone(input)).toMatchObject({ ok: false, code });
  });

  it("narrows to mobiles when asked", () => {
    expect(parseSaudiMobile("0112345678")).toMatchObject({ ok: false, code: "phone_not_mobile" });
    expect(parseSaudiMobile("+966112345678")).toMatchObject({ ok: false, code: "phone_not_mobile" });
    expect(parseSaudiMobile("8001234567")).toMatchObject({ ok: false, code: "phone_not_mobile" });
    expect(parseSaudiMobile("٠٥٥١٢٣٤٥٦٧")).toMatchObject({ ok: true, e164: "+966551234567" });
    expect(parseSaudiMobile("0551234567")).toMatchObject({ ok: true, e164: "+966551234567" });
  });
});
