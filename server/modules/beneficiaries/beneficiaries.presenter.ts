import { disclosureFor } from "../../../shared/contracts/access.js";
import type { BeneficiaryView } from "../../../shared/contracts/beneficiaries.js";
import type { BeneficiaryFile } from "./beneficiaries.service.js";
import { summary } from "./beneficiaries.service.js";

type Enum<T extends keyof BeneficiaryView> = NonNullable<BeneficiaryView[T]>;

/** Sensitive fields are withheld, not blanked silently: `withheld` tells the page which and why. */
export function presentBeneficiary(file: BeneficiaryFile): BeneficiaryView {
  const { beneficiary: b } = file;
  const disclosure = disclosureFor(file.viewer);
  return {
    ...summary(b),
    latinName: b.latinName,
    nationalIdKind: b.nationalIdKind as Enum<"nationalIdKind"> | null,
    gender: b.gender as Enum<"gender"> | null,
    nationality: b.nationality,
    district: b.district,
    email: b.email,
    preferredChannel: b.preferredChannel as Enum<"preferredChannel"> | null,
    maritalStatus: b.maritalStatus as Enum<"maritalStatus"> | null,
    monthlyIncome: disclosure.reveal("beneficiary.monthly_income", b.monthlyIncome),
    circumstances: disclosure.reveal("beneficiary.circumstances", b.circumstances),
    healthNotes: disclosure.reveal("beneficiary.health_notes", b.healthNotes),
    disability: disclosure.reveal("beneficiary.disability", b.disability),
    notes: b.notes,
    household: file.household.map((m) => ({
      id: m.id,
      relation: m.relation as BeneficiaryView["household"][number]["relation"],
      fullName: m.fullName,
      nationalId: m.nationalId,
      birthDate: m.birthDate,
      gender: m.gender as Enum<"gender"> | null,
    })),
    consents: file.consents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      noticeVersion: c.noticeVersion,
      givenAt: c.givenAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    mergedIntoId: b.mergedIntoId,
    lawfulBasis: b.lawfulBasis as Enum<"lawfulBasis"> | null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
    withheld: disclosure.withheld(),
  };
}
