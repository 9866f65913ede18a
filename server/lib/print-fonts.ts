import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The typeface of Silah's pages, for its printed documents too. */
export const printFontFamily = "IBM Plex Sans Arabic";

const subsets = ["arabic", "latin"] as const;
const weights = [400, 700] as const;
let faces: string | null = null;

/**
 * `@font-face` rules that carry the web app's own typeface inside a printed document (the policy,
 * the evidence pack), so a PDF looks the same on every server whatever fonts the system has. The
 * rules are the font package's own stylesheets, each file inlined as a data URL (about 170 KB for
 * Arabic and Latin in two weights); read once, on the first document.
 */
export function printFontFaces(): string {
  if (faces !== null) return faces;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@fontsource/ibm-plex-sans-arabic/package.json"));
  const rules: string[] = [];
  for (const weight of weights) {
    const sheet = readFileSync(join(root, `${weight}.css`), "utf8");
    for (const block of sheet.split(/(?=\/\* )/)) {
      const subset = subsets.find((s) => block.includes(`-${s}-${weight}-normal */`));
      if (!subset) continue;
      const file = `ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`;
      const data = readFileSync(join(root, "files", file)).toString("base64");
      rules.push(block.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`));
    }
  }
  if (rules.length !== subsets.length * weights.length) {
    throw new Error(`the print typeface's stylesheets changed shape: ${rules.length} faces found`);
  }
  faces = rules.join("\n");
  return faces;
}
