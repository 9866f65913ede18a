import { describe, expect, it } from "vitest";
import { surveyThemeNames, surveyThemes } from "../../../shared/contracts/surveys.js";
import { translate } from "../../i18n/i18n.js";
import { themeLabel, themeLabels } from "./labels.js";

describe("the themes of written answers", () => {
  it("are named on screen as the server names them in its exports, in both languages", () => {
    for (const theme of surveyThemes) {
      expect(translate("ar", themeLabels[theme]), theme).toBe(surveyThemeNames[theme].ar);
      expect(translate("en", themeLabels[theme]), theme).toBe(surveyThemeNames[theme].en);
    }
  });

  it("reads a code the page does not know as «أخرى» rather than the code", () => {
    expect(translate("ar", themeLabel("parking"))).toBe("أخرى");
  });
});
