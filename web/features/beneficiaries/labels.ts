import type { z } from "zod";
import type {
  beneficiarySearchHitSchema,
  DuplicateReason,
  householdRelationSchema,
  LawfulBasis,
} from "../../../shared/contracts/beneficiaries.js";
import type { MessageKey } from "../../i18n/i18n.js";

// Declared per value, so a new enum member without words fails the type check.

export const relationLabels: Record<z.infer<typeof householdRelationSchema>, MessageKey> = {
  spouse: "beneficiaries.relation.spouse",
  son: "beneficiaries.relation.son",
  daughter: "beneficiaries.relation.daughter",
  father: "beneficiaries.relation.father",
  mother: "beneficiaries.relation.mother",
  brother: "beneficiaries.relation.brother",
  sister: "beneficiaries.relation.sister",
  grandparent: "beneficiaries.relation.grandparent",
  grandchild: "beneficiaries.relation.grandchild",
  other: "beneficiaries.relation.other",
};

export const matchedByLabels: Record<z.infer<typeof beneficiarySearchHitSchema>["matchedBy"], MessageKey> = {
  national_id: "beneficiaries.matchedBy.national_id",
  phone: "beneficiaries.matchedBy.phone",
  file_number: "beneficiaries.matchedBy.file_number",
  name: "beneficiaries.matchedBy.name",
  household_member: "beneficiaries.matchedBy.household_member",
};

export const lawfulBasisLabels: Record<LawfulBasis, MessageKey> = {
  consent: "beneficiaries.form.consent",
  service_request: "beneficiaries.lawfulBasis.service_request",
  legal_obligation: "beneficiaries.lawfulBasis.legal_obligation",
};

export const reasonLabels: Record<DuplicateReason, MessageKey> = {
  same_national_id: "beneficiaries.duplicates.reason.same_national_id",
  name_and_birth_date: "beneficiaries.duplicates.reason.name_and_birth_date",
  name_and_phone: "beneficiaries.duplicates.reason.name_and_phone",
  household_member_elsewhere: "beneficiaries.duplicates.reason.household_member_elsewhere",
  registered_as_household_member: "beneficiaries.duplicates.reason.registered_as_household_member",
};

/**
 * The consent the desk records: the purpose in the association's words and the privacy notice
 * version the officer reads out. Kept in Arabic because it is what the person agreed to.
 */
export const deskConsent = { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "1" } as const;
