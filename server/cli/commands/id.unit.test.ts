import { describe, expect, it } from "vitest";
import { run } from "./id.js";

async function call(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("silah id check", () => {
  it("accepts a national ID and an Iqama number", async () => {
    expect(await call("check", "1234567897")).toMatchObject({ code: 0, out: ["valid (citizen)"] });
    expect(await call("check", "2000000006")).toMatchObject({ code: 0, out: ["valid (resident)"] });
    expect(await call("check", "١٢٣٤٥٦٧٨٩٧")).toMatchObject({ code: 0, out: ["valid (citizen)"] });
  });

  it("explains an invalid number in English and Arabic with exit code 1", async () => {
    const result = await call("check", "1234567890");
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe(
      "invalid: The ID number is not valid; check the digits. — رقم الهوية غير صحيح؛ تأكد من الأرقام.",
    );
    expect((await call("check", "3234567890")).out[0]).toMatch(/^invalid: A national ID starts with 1/);
  });

  it("exits 2 on bad arguments", async () => {
    expect((await call()).code).toBe(2);
    expect((await call("check")).code).toBe(2);
    expect((await call("verify", "1234567897")).code).toBe(2);
  });
});
