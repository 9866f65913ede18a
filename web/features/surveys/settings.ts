import type { SurveySettings } from "../../../shared/contracts/surveys.js";
import { parseTypedNumber } from "../../../shared/domain/digits.js";

/** The three numbers of the survey settings as typed (any digits), and the bounds the contract holds them to. */
export type SettingsText = { quietDays: string; linkValidDays: string; reminderAfterDays: string };
type NumberKey = keyof SettingsText;

export const settingsBounds: Record<NumberKey, { min: number; max: number }> = {
  quietDays: { min: 0, max: 730 },
  linkValidDays: { min: 1, max: 90 },
  reminderAfterDays: { min: 1, max: 60 },
};

export type SettingsProblem =
  | { kind: "range"; path: NumberKey; min: number; max: number }
  | { kind: "reminder_after_expiry"; path: "reminderAfterDays" };

/**
 * The numbers read (Arabic-Indic digits too) and checked before sending: each a whole number in its
 * range, and the reminder going while the link still works (a reminder to a dead link helps no one).
 */
export function checkSettings(text: SettingsText): {
  values: Pick<SurveySettings, NumberKey> | null;
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const values = {} as Pick<SurveySettings, NumberKey>;
  for (const key of Object.keys(settingsBounds) as NumberKey[]) {
    const { min, max } = settingsBounds[key];
    const value = parseTypedNumber(text[key], { integer: true });
    if (value === null || value < min || value > max) problems.push({ kind: "range", path: key, min, max });
    else values[key] = value;
  }
  if (
    values.reminderAfterDays !== undefined &&
    values.linkValidDays !== undefined &&
    values.reminderAfterDays >= values.linkValidDays
  ) {
    problems.push({ kind: "reminder_after_expiry", path: "reminderAfterDays" });
  }
  return { values: problems.length ? null : values, problems };
}
