import { describe, expect, it } from "vitest";
import { printFontFaces, printFontFamily } from "./print-fonts.js";

describe("the printed documents' typeface", () => {
  it("travels inside the document: Arabic and Latin, regular and bold, no file on the server's disk referred to", () => {
    const css = printFontFaces();
    expect(css.match(/@font-face/g)).toHaveLength(4);
    expect(css).toContain(`font-family: '${printFontFamily}'`);
    expect(css).toMatch(/font-weight: 400/);
    expect(css).toMatch(/font-weight: 700/);
    expect(css).toMatch(/unicode-range: U\+0600-06FF/);
    expect(css).not.toMatch(/url\(\.\//);
    expect(css.match(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/g)).toHaveLength(4);
  });
});
