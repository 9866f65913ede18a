import type { PlatformAssociation } from "../../../shared/contracts/platform.js";
import type { AssociationWithUsage } from "./platform.service.js";

export function presentPlatformAssociation({
  association,
  usage,
}: AssociationWithUsage): PlatformAssociation {
  return {
    id: association.id,
    slug: association.slug,
    nameAr: association.nameAr,
    nameEn: association.nameEn,
    region: association.region,
    licenseNumber: association.licenseNumber,
    status: association.suspendedAt ? "suspended" : "active",
    suspendedAt: association.suspendedAt?.toISOString() ?? null,
    createdAt: association.createdAt.toISOString(),
    usage: { ...usage, lastActivityAt: usage.lastActivityAt?.toISOString() ?? null },
  };
}
