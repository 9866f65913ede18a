import type { CurrentUser, Locale } from "../../../shared/contracts/auth.js";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import type { UserView } from "../../../shared/contracts/users.js";
import type { AssociationRow } from "../associations/index.js";
import type { UserRow } from "./users.repository.js";

/** Never the password hash: it stays on the server. */
export function presentUser(
  row: UserRow,
  context: { lastSignInAt?: Date | null; signInLimitedUntil?: Date | null },
): UserView {
  const lockedUntil = context.signInLimitedUntil ?? null;
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    roles: row.roles as StaffRole[],
    locale: row.locale as Locale,
    active: row.active,
    locked: lockedUntil !== null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    passwordChangeRequired: row.passwordChangeRequired,
    lastSignInAt: context.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCurrentUser(row: UserRow, association: AssociationRow): CurrentUser {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    roles: row.roles as StaffRole[],
    locale: row.locale as Locale,
    association: { id: association.id, name: association.nameAr, slug: association.slug },
    passwordChangeRequired: row.passwordChangeRequired,
  };
}
