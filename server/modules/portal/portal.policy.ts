/**
 * Whose files a signed-in beneficiary may read in the portal (ADR 0029): their own, and those of
 * the household members the association recorded on their file who have a file of their own here
 * (the head acts for them). Nobody else's: not the head of a household they are recorded in, not a
 * relative the association did not record.
 */
export type PortalScope = {
  beneficiaryId: string;
  /** The files this person acts for, their own first, each with the name to show. */
  files: { id: string; fullName: string; self: boolean }[];
};

export function scopeOf(
  person: { id: string; fullName: string },
  household: { member: { fullName: string }; fileId: string | null }[],
): PortalScope {
  const files = [{ id: person.id, fullName: person.fullName, self: true }];
  for (const { member, fileId } of household) {
    if (fileId && !files.some((f) => f.id === fileId))
      files.push({ id: fileId, fullName: member.fullName, self: false });
  }
  return { beneficiaryId: person.id, files };
}

export const portalPolicy = {
  /** The files whose requests this person sees. */
  readableFiles: (scope: PortalScope): string[] => scope.files.map((f) => f.id),
  mayRead: (scope: PortalScope, beneficiaryId: string): boolean =>
    scope.files.some((f) => f.id === beneficiaryId),
};
