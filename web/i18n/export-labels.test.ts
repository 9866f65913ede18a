import { describe, expect, it } from "vitest";
import {
  auditTypeNames,
  claimStatusNames,
  complaintCategoryNames,
  complaintOutcomeNames,
  complaintStatusNames,
  correspondenceDirectionNames,
  correspondenceMediumNames,
  fieldVisitKindNames,
  interactionDirectionNames,
  interactionKindNames,
  requestStateNames,
  roleNames,
  serviceKindNames,
} from "../../shared/contracts/export-labels.js";
import { ar, type MessageKey } from "./ar.js";

/**
 * The server writes the words of an exported file from shared/contracts/export-labels.ts (it may
 * not import the web's catalogue). Each value must read as it does on screen: ar.ts decides.
 */
const tables: [string, Record<string, string>][] = [
  ["requests.state.", requestStateNames],
  ["complaints.status.", complaintStatusNames],
  ["complaints.outcome.", complaintOutcomeNames],
  ["complaints.category.", complaintCategoryNames],
  ["compensation.status.", claimStatusNames],
  ["contacts.kind.", interactionKindNames],
  ["contacts.direction.", interactionDirectionNames],
  ["correspondence.direction.", correspondenceDirectionNames],
  ["correspondence.medium.", correspondenceMediumNames],
  ["field.kind.", fieldVisitKindNames],
  ["services.kind.", serviceKindNames],
  ["role.", roleNames],
  ["audit.type.", auditTypeNames],
];

describe("the words an exported file writes", () => {
  it.each(tables)("%s… are the screen's words", (prefix, names) => {
    for (const [value, words] of Object.entries(names)) {
      expect(words, `${prefix}${value}`).toBe(ar[`${prefix}${value}` as MessageKey]);
    }
  });
});
