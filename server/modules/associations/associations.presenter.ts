import type { AssociationView } from "../../../shared/contracts/associations.js";
import type { AssociationRow } from "./associations.repository.js";

export function presentAssociation(row: AssociationRow): AssociationView {
  return {
    id: row.id,
    slug: row.slug,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    licenseNumber: row.licenseNumber,
    supervisingAuthority: row.supervisingAuthority,
  };
}
