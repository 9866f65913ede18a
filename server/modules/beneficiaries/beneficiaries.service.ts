import { mayReadField } from "../../../shared/contracts/access.js";
import type {
  CreateBeneficiaryRequest,
  DuplicateCandidate,
  DuplicateCheckRequest,
  DuplicateReason,
  UpdateBeneficiaryRequest,
} from "../../../shared/contracts/beneficiaries.js";
import { channelNames, type NotificationChannel } from "../../../shared/contracts/channels.js";
import { normalizeArabicName, tokenizeName } from "../../../shared/domain/arabic-name.js";
import { scoreNames } from "../../../shared/domain/name-match.js";
import { validateNationalId } from "../../../shared/domain/national-id.js";
import { parseSaudiPhone } from "../../../shared/domain/phone.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { Announcer, Change } from "../module.js";
import { beneficiariesPolicy, beneficiarySensitiveFields } from "./beneficiaries.policy.js";
import type {
  BeneficiariesRepository,
  BeneficiaryWithCategory,
  ConsentRow,
  HouseholdRow,
} from "./beneficiaries.repository.js";
import { rankNameHit } from "./name-query.js";

/** A name this close, together with the same birth date or phone, is shown as a possible duplicate. */
export const strongNameMatch = 0.85;

export type BeneficiaryFile = {
  beneficiary: BeneficiaryWithCategory;
  household: HouseholdRow[];
  consents: ConsentRow[];
  /** Who reads it: the presenter asks shared/contracts/access.ts what this reader may see. */
  viewer: Pick<Actor, "roles" | "userId">;
};

export type SearchHit = BeneficiaryWithCategory & {
  matchedBy: "national_id" | "phone" | "file_number" | "name" | "household_member";
  /** The household member whose name matched, when it was theirs. */
  matchedMember?: { fullName: string; relation: string };
  score: number;
};

/** A merged-away record's address leads to the file it was folded into (ADR 0015, 0022). */
export type MovedFile = { mergedInto: string };

export type BeneficiariesService = ReturnType<typeof createBeneficiariesService>;

const notFound = () => new AppError("not_found", "beneficiary not found");

const lawfulBasisRequired = () =>
  new AppError("validation_failed", "registration without a lawful basis", {
    fieldErrors: [
      {
        path: "lawfulBasis",
        code: "lawful_basis_required",
        message: {
          ar: "سجّل موافقة المستفيد على معالجة بياناته، أو اختر أساسًا نظاميًا آخر للتسجيل (طلبه لخدمة الجمعية أو التزام نظامي بحفظ السجل).",
          en: "Record the beneficiary's consent to processing their data, or choose another lawful basis (their request for a service, or a record the association must keep by law).",
        },
      },
    ],
  });

const consentMissing = () =>
  new AppError("validation_failed", "consent basis without the consent", {
    fieldErrors: [
      {
        path: "consent",
        code: "consent_required",
        message: {
          ar: "اختير أساس الموافقة ولم تُسجَّل الموافقة: اكتب غرضها وإصدار نص الإشعار.",
          en: "Consent was chosen as the basis but not recorded: give its purpose and notice version.",
        },
      },
    ],
  });

export function createBeneficiariesService(deps: {
  db: Database;
  repo: BeneficiariesRepository;
  audit: AuditService;
  clock: Clock;
  announcer: Pick<Announcer, "announce">;
}) {
  const { db, repo, audit, clock, announcer } = deps;

  /** A birth date is a day that has happened (the shared rule and its two-calendar message). */
  const assertBornBy = (now: Date, birthDate: string | undefined) =>
    assertHappened(now, [
      { path: "birthDate", date: birthDate, label: { ar: "تاريخ الميلاد", en: "The birth date" } },
    ]);

  async function categoryId(tx: Tx, code: string | undefined): Promise<string | null | undefined> {
    if (code === undefined) return undefined;
    if (code === "") return null;
    const category = await repo.categoryByCode(tx, code);
    if (!category) {
      throw new AppError("validation_failed", `unknown category ${code}`, {
        fieldErrors: [
          {
            path: "categoryCode",
            code: "category_unknown",
            message: {
              ar: "فئة المستفيد غير معرّفة في الجمعية.",
              en: "This beneficiary category is not defined.",
            },
          },
        ],
      });
    }
    return category.id;
  }

  async function findDuplicates(tx: Tx, input: DuplicateCheckRequest): Promise<DuplicateCandidate[]> {
    const found = new Map<string, { row: BeneficiaryWithCategory; reasons: Set<DuplicateReason> }>();
    const add = (row: BeneficiaryWithCategory, reason: DuplicateReason) => {
      const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
      entry.reasons.add(reason);
      found.set(row.id, entry);
    };
    if (input.nationalId) {
      for (const row of await repo.findByNationalId(tx, input.nationalId, input.excludeId))
        add(row, "same_national_id");
      for (const hit of await repo.householdByNationalIds(tx, [input.nationalId], input.excludeId)) {
        add(hit.beneficiary, "registered_as_household_member");
      }
    }
    const byName = (rows: BeneficiaryWithCategory[], reason: DuplicateReason) => {
      for (const row of rows)
        if (scoreNames(input.fullName, row.fullName) >= strongNameMatch) add(row, reason);
    };
    if (input.birthDate)
      byName(await repo.findByBirthDate(tx, input.birthDate, 500, input.excludeId), "name_and_birth_date");
    byName(await repo.findByPhones(tx, input.phones, 200, input.excludeId), "name_and_phone");
    if (input.householdIds.length) {
      for (const row of await repo.findLiveByNationalIds(tx, input.householdIds, input.excludeId)) {
        add(row, "household_member_elsewhere");
      }
      for (const hit of await repo.householdByNationalIds(tx, input.householdIds, input.excludeId)) {
        add(hit.beneficiary, "household_member_elsewhere");
      }
    }
    return [...found.values()]
      .map(({ row, reasons }) => ({
        beneficiary: summary(row),
        reasons: [...reasons],
        nameScore: Math.round(scoreNames(input.fullName, row.fullName) * 1000) / 1000,
      }))
      .sort((a, b) => b.reasons.length - a.reasons.length || b.nameScore - a.nameScore);
  }

  function householdRows(associationId: string, input: CreateBeneficiaryRequest["household"]) {
    return input.map((m) => ({
      associationId,
      relation: m.relation,
      fullName: m.fullName,
      nameKey: normalizeArabicName(m.fullName),
      nationalId: m.nationalId ?? null,
      birthDate: m.birthDate ?? null,
      gender: m.gender ?? null,
    }));
  }

  /** 409 naming the file a merged-away record was folded into, for anything posted to the old one. */
  async function mergedAway(tx: Tx, row: BeneficiaryWithCategory): Promise<AppError> {
    const kept = row.mergedIntoId ? await repo.findById(tx, row.mergedIntoId) : undefined;
    const number = kept?.fileNumber ?? 0;
    return new AppError("beneficiary_merged", `beneficiary merged into ${row.mergedIntoId}`, {
      fieldErrors: [
        {
          path: "beneficiaryId",
          code: "beneficiary_merged",
          message: {
            ar: `دُمج هذا السجل في ملف المستفيد رقم ${number.toLocaleString("ar-SA", { useGrouping: false })}؛ افتح ذلك الملف واعمل عليه.`,
            en: `This record was merged into beneficiary file ${number}; open that file and work on it.`,
          },
        },
      ],
    });
  }

  /** The live file to change: not found, or 409 naming the kept file when it was merged away. */
  async function liveFile(tx: Tx, id: string): Promise<BeneficiaryWithCategory> {
    const row = await repo.findById(tx, id);
    if (!row) throw notFound();
    if (row.mergedIntoId) throw await mergedAway(tx, row);
    return row;
  }

  async function readFile(tx: Tx, actor: Actor, id: string): Promise<BeneficiaryFile> {
    const beneficiary = await repo.findById(tx, id);
    if (!beneficiary) throw notFound();
    return {
      beneficiary,
      household: await repo.household(tx, id),
      consents: await repo.consents(tx, id),
      viewer: { roles: actor.roles, userId: actor.userId },
    };
  }

  return {
    async search(actor: Actor, query: { q: string; limit: number }): Promise<SearchHit[]> {
      authorize(actor, beneficiariesPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const hits = await searchIn(tx, query.q, query.limit);
        await audit.record(tx, actor, {
          type: "beneficiary.searched",
          payload: { matchedBy: hits[0]?.matchedBy ?? "none", results: hits.length },
        });
        return hits;
      });
    },

    async checkDuplicates(actor: Actor, input: DuplicateCheckRequest): Promise<DuplicateCandidate[]> {
      authorize(actor, beneficiariesPolicy, "register");
      return db.tenant(actor.associationId, (tx) => findDuplicates(tx, input));
    },

    /** `via: "import"` is the bulk move-in, allowed to the roles that may import. */
    async register(
      actor: Actor,
      input: CreateBeneficiaryRequest,
      via: "desk" | "import" = "desk",
    ): Promise<BeneficiaryFile> {
      authorize(actor, beneficiariesPolicy, via === "import" ? "import" : "register");
      const lawfulBasis = input.lawfulBasis ?? (input.consent ? "consent" : undefined);
      assertBornBy(clock.now(), input.birthDate);
      return db
        .tenant(actor.associationId, async (tx) => {
          const duplicates = await findDuplicates(tx, {
            fullName: input.fullName,
            nationalId: input.nationalId,
            birthDate: input.birthDate,
            phones: input.phones,
            householdIds: input.household.flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
          });
          const sameId = duplicates.some((d) => d.reasons.includes("same_national_id"));
          if (sameId || (duplicates.length > 0 && !input.confirmNotDuplicate)) {
            throw new AppError("possible_duplicates", `${duplicates.length} possible duplicates`, {
              fieldErrors: sameId
                ? [
                    {
                      path: "nationalId",
                      code: "national_id_registered",
                      message: {
                        ar: "رقم الهوية مسجّل لمستفيد آخر في الجمعية.",
                        en: "This ID number is already registered for another beneficiary.",
                      },
                    },
                  ]
                : [],
            });
          }
          // After the duplicate check: whether this person is already registered comes first.
          if (!lawfulBasis) throw lawfulBasisRequired();
          if (lawfulBasis === "consent" && !input.consent) throw consentMissing();
          const row = await repo.insert(tx, {
            associationId: actor.associationId,
            fullName: input.fullName,
            nameKey: normalizeArabicName(input.fullName),
            latinName: input.latinName ?? null,
            nationalId: input.nationalId ?? null,
            nationalIdKind: input.nationalId ? kindOf(input.nationalId) : null,
            birthDate: input.birthDate ?? null,
            gender: input.gender,
            nationality: input.nationality ?? null,
            city: input.city ?? null,
            district: input.district ?? null,
            phones: [...new Set(input.phones)],
            email: input.email ?? null,
            preferredChannel: input.preferredChannel ?? null,
            categoryId: (await categoryId(tx, input.categoryCode)) ?? null,
            maritalStatus: input.maritalStatus ?? null,
            monthlyIncome: input.monthlyIncome ?? null,
            circumstances: input.circumstances ?? null,
            healthNotes: input.healthNotes ?? null,
            disability: input.disability ?? null,
            notes: input.notes ?? null,
            lawfulBasis,
            createdBy: actor.userId,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          });
          await repo.replaceHousehold(tx, row.id, householdRows(actor.associationId, input.household));
          if (input.consent) {
            const consent = await repo.insertConsent(tx, {
              associationId: actor.associationId,
              beneficiaryId: row.id,
              purpose: input.consent.purpose,
              noticeVersion: input.consent.noticeVersion,
              givenAt: clock.now(),
              recordedBy: actor.userId,
            });
            await audit.record(tx, actor, {
              type: "beneficiary.consent_recorded",
              payload: {
                consentId: consent.id,
                purpose: consent.purpose,
                noticeVersion: consent.noticeVersion,
              },
              subject: { type: "beneficiary", id: row.id },
            });
          }
          await audit.record(tx, actor, {
            type: "beneficiary.registered",
            payload: { fileNumber: row.fileNumber, duplicatesOverridden: duplicates.length, lawfulBasis },
            subject: { type: "beneficiary", id: row.id },
          });
          return readFile(tx, actor, row.id);
        })
        .catch(rethrowIdConflict);
    },

    /**
     * Opening a file is a read of personal data, and is logged as such (PDPL). A merged-away record
     * answers where the person's file now is, and nothing of its own.
     */
    async get(actor: Actor, id: string): Promise<BeneficiaryFile | MovedFile> {
      authorize(actor, beneficiariesPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.findById(tx, id);
        if (row?.mergedIntoId) return { mergedInto: row.mergedIntoId };
        const file = await readFile(tx, actor, id);
        await audit.record(tx, actor, {
          type: "beneficiary.viewed",
          payload: { sensitive: beneficiarySensitiveFields.some((f) => mayReadField(actor.roles, f)) },
          subject: { type: "beneficiary", id },
        });
        return file;
      });
    },

    async update(actor: Actor, id: string, input: UpdateBeneficiaryRequest): Promise<BeneficiaryFile> {
      authorize(actor, beneficiariesPolicy, "edit");
      assertBornBy(clock.now(), input.birthDate);
      return db
        .tenant(actor.associationId, async (tx) => {
          const current = await liveFile(tx, id);
          const next = {
            fullName: input.fullName ?? current.fullName,
            nationalId: input.nationalId ?? current.nationalId ?? undefined,
            birthDate: input.birthDate ?? current.birthDate ?? undefined,
            phones: input.phones ?? current.phones,
          };
          const identityChanged =
            next.fullName !== current.fullName ||
            next.nationalId !== (current.nationalId ?? undefined) ||
            next.birthDate !== (current.birthDate ?? undefined) ||
            next.phones.join() !== current.phones.join() ||
            input.household !== undefined;
          if (identityChanged) {
            const duplicates = await findDuplicates(tx, {
              ...next,
              householdIds: (input.household ?? []).flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
              excludeId: id,
            });
            const sameId = duplicates.some((d) => d.reasons.includes("same_national_id"));
            if (sameId || (duplicates.length > 0 && !input.confirmNotDuplicate)) {
              throw new AppError("possible_duplicates", `${duplicates.length} possible duplicates on edit`);
            }
          }
          const { household, categoryCode, confirmNotDuplicate: _, ...fields } = input;
          const changes = {
            ...fields,
            ...(input.fullName ? { nameKey: normalizeArabicName(input.fullName) } : {}),
            ...(input.nationalId ? { nationalIdKind: kindOf(input.nationalId) } : {}),
            ...(input.phones ? { phones: [...new Set(input.phones)] } : {}),
            ...(categoryCode !== undefined ? { categoryId: await categoryId(tx, categoryCode) } : {}),
            updatedAt: clock.now(),
          };
          await repo.update(tx, id, changes);
          if (household) await repo.replaceHousehold(tx, id, householdRows(actor.associationId, household));
          const after = await repo.findById(tx, id);
          const contactChanges = after ? contactChangesOf(current, after) : [];
          if (contactChanges.length > 0)
            await announcer.announce(tx, "beneficiary.contact_changed", {
              associationId: actor.associationId,
              beneficiaryId: id,
              actor,
              changes: contactChanges,
            });
          await audit.record(tx, actor, {
            type: "beneficiary.updated",
            payload: { fields: Object.keys(input).filter((k) => k !== "confirmNotDuplicate") },
            subject: { type: "beneficiary", id },
          });
          return readFile(tx, actor, id);
        })
        .catch(rethrowIdConflict);
    },

    /**
     * Keeps `keepId`, folds `duplicateId` into it. Every module moves its own rows about the person
     * (requests, complaints, contacts, conflicts of interest…) by reacting to `beneficiary.merged` in
     * this transaction: if one cannot, nothing moves. The duplicate stays as a pointer (ADR 0015).
     */
    async merge(actor: Actor, keepId: string, duplicateId: string): Promise<BeneficiaryFile> {
      authorize(actor, beneficiariesPolicy, "merge");
      if (keepId === duplicateId) {
        throw new AppError("validation_failed", "cannot merge a record into itself", {
          fieldErrors: [
            {
              path: "duplicateId",
              code: "merge_same_record",
              message: { ar: "لا يمكن دمج السجل في نفسه.", en: "A record cannot be merged into itself." },
            },
          ],
        });
      }
      return db.tenant(actor.associationId, async (tx) => {
        // Locked first: a second merge of either record waits and then finds it merged (404).
        await repo.lock(tx, [keepId, duplicateId]);
        const keep = await repo.findById(tx, keepId);
        const duplicate = await repo.findById(tx, duplicateId);
        if (!keep || !duplicate) throw notFound();
        if (keep.mergedIntoId) throw await mergedAway(tx, keep);
        if (duplicate.mergedIntoId) throw await mergedAway(tx, duplicate);
        const moved = await announcer.announce(tx, "beneficiary.merged", {
          associationId: actor.associationId,
          keptId: keepId,
          mergedId: duplicateId,
          actor,
        });
        await repo.update(tx, duplicateId, {
          mergedIntoId: keepId,
          nationalId: null,
          updatedAt: clock.now(),
        });
        // The kept record gains what only the duplicate knew; nothing it already had is overwritten.
        await repo.update(tx, keepId, {
          nationalId: keep.nationalId ?? duplicate.nationalId,
          nationalIdKind: keep.nationalIdKind ?? duplicate.nationalIdKind,
          birthDate: keep.birthDate ?? duplicate.birthDate,
          latinName: keep.latinName ?? duplicate.latinName,
          email: keep.email ?? duplicate.email,
          city: keep.city ?? duplicate.city,
          district: keep.district ?? duplicate.district,
          phones: [...new Set([...keep.phones, ...duplicate.phones])].slice(0, 5),
          updatedAt: clock.now(),
        });
        // Consents moved, never copied: a withdrawal on either side, later than a consent, wins.
        const consentsWithdrawn = await repo.reconcileConsents(tx, keepId, clock.now());
        await audit.record(tx, actor, {
          type: "beneficiary.merged",
          payload: { duplicateId, duplicateFileNumber: duplicate.fileNumber, moved, consentsWithdrawn },
          subject: { type: "beneficiary", id: keepId },
        });
        return readFile(tx, actor, keepId);
      });
    },

    /** For other modules: the records folded into this one, so a history can span the merge. */
    async mergedInto(tx: Tx, id: string): Promise<string[]> {
      return repo.mergedInto(tx, id);
    },

    async recordConsent(actor: Actor, id: string, input: { purpose: string; noticeVersion: string }) {
      authorize(actor, beneficiariesPolicy, "recordConsent");
      return db.tenant(actor.associationId, async (tx) => {
        await liveFile(tx, id);
        const consent = await repo.insertConsent(tx, {
          associationId: actor.associationId,
          beneficiaryId: id,
          purpose: input.purpose,
          noticeVersion: input.noticeVersion,
          givenAt: clock.now(),
          recordedBy: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "beneficiary.consent_recorded",
          payload: { consentId: consent.id, purpose: consent.purpose, noticeVersion: consent.noticeVersion },
          subject: { type: "beneficiary", id },
        });
        return consent;
      });
    },

    async withdrawConsent(actor: Actor, id: string, consentId: string) {
      authorize(actor, beneficiariesPolicy, "recordConsent");
      return db.tenant(actor.associationId, async (tx) => {
        await liveFile(tx, id);
        const [consent, ...same] = await repo.withdrawConsent(tx, id, consentId, clock.now());
        if (!consent) throw new AppError("not_found", "consent not found or already withdrawn");
        await audit.record(tx, actor, {
          type: "beneficiary.consent_withdrawn",
          payload: { consentId, alsoWithdrawn: same.length },
          subject: { type: "beneficiary", id },
        });
        return consent;
      });
    },

    async categories(actor: Actor) {
      return db.tenant(actor.associationId, (tx) => repo.categories(tx));
    },

    async createCategory(
      actor: Actor,
      input: { code: string; nameAr: string; nameEn?: string | undefined; aliases?: string[] | undefined },
    ) {
      authorize(actor, beneficiariesPolicy, "manageCategories");
      return db
        .tenant(actor.associationId, async (tx) => {
          const category = await repo.insertCategory(tx, {
            associationId: actor.associationId,
            code: input.code,
            nameAr: input.nameAr,
            nameEn: input.nameEn ?? null,
            aliases: [...new Set(input.aliases ?? [])],
          });
          await audit.record(tx, actor, {
            type: "beneficiary.category_created",
            payload: { code: category.code },
            subject: { type: "beneficiary_category", id: category.id },
          });
          return category;
        })
        .catch((error) => {
          if (isUniqueViolation(error)) throw new AppError("conflict", `category ${input.code} exists`);
          throw error;
        });
    },

    /** The other names an import accepts for a category («أرملة» beside «الأرامل»), replaced whole. */
    async setCategoryAliases(actor: Actor, id: string, aliases: string[]) {
      authorize(actor, beneficiariesPolicy, "manageCategories");
      return db.tenant(actor.associationId, async (tx) => {
        const category = await repo.setCategoryAliases(tx, id, [...new Set(aliases)]);
        if (!category) throw new AppError("not_found", "category not found");
        await audit.record(tx, actor, {
          type: "beneficiary.category_aliases_changed",
          payload: { code: category.code, aliases: category.aliases },
          subject: { type: "beneficiary_category", id },
        });
        return category;
      });
    },

    async categoryByCode(tx: Tx, code: string) {
      return repo.categoryByCode(tx, code);
    },

    /**
     * For other modules, before they open something new about a person (a support request): the
     * live file, or 404; 409 `beneficiary_merged` naming the kept file; 409 `consent_withdrawn` when
     * the person gave consents and withdrew every one (ADR 0022). Records kept under legal
     * obligation stay readable; only new work is refused.
     */
    async forNewWork(tx: Tx, id: string): Promise<BeneficiaryWithCategory> {
      const row = await liveFile(tx, id);
      const given = await repo.consents(tx, id);
      if (given.length > 0 && given.every((c) => c.withdrawnAt)) {
        throw new AppError("consent_withdrawn", "every consent withdrawn", {
          fieldErrors: [
            {
              path: "beneficiaryId",
              code: "consent_withdrawn",
              message: {
                ar: "سحب المستفيد كل موافقاته على معالجة بياناته. سجّل موافقة جديدة في ملفه قبل فتح طلب له.",
                en: "The beneficiary withdrew every consent. Record a new consent in their file before opening a request.",
              },
            },
          ],
        });
      }
      return row;
    },

    /** For other modules recording something the person did (a call, a letter): the live file, or 404 / 409 merged. */
    async forRecord(tx: Tx, id: string): Promise<BeneficiaryWithCategory> {
      return liveFile(tx, id);
    },

    /** For the beneficiary portal: the live file with this national ID or Iqama in the transaction's association. */
    async byNationalId(tx: Tx, nationalId: string): Promise<BeneficiaryWithCategory | undefined> {
      return (await repo.findByNationalId(tx, nationalId))[0];
    },

    /**
     * For the beneficiary portal: the household the association recorded on this file, each member
     * with the live file of their own when their ID has one here (then their requests are theirs).
     */
    async householdOf(tx: Tx, beneficiaryId: string) {
      const members = await repo.household(tx, beneficiaryId);
      return Promise.all(
        members.map(async (member) => {
          const own = member.nationalId ? (await repo.findByNationalId(tx, member.nationalId))[0] : undefined;
          return { member, fileId: own && own.id !== beneficiaryId ? own.id : null };
        }),
      );
    },

    /** For other modules: does this beneficiary exist (and is it not merged away)? Its category. */
    async lookup(tx: Tx, id: string): Promise<BeneficiaryWithCategory | undefined> {
      const row = await repo.findById(tx, id);
      return row && !row.mergedIntoId ? row : undefined;
    },
  };

  /** One box: an ID, a phone in any form, a file number, or any part of a name in any spelling. */
  async function searchIn(tx: Tx, q: string, limit: number): Promise<SearchHit[]> {
    const id = validateNationalId(q);
    if (id.ok) {
      return (await repo.findByNationalId(tx, id.value)).map((row) => ({
        ...row,
        matchedBy: "national_id",
        score: 1,
      }));
    }
    const digits = q.replace(/[^\d٠-٩۰-۹+]/g, "");
    if (digits.length >= 9) {
      const phone = parseSaudiPhone(q);
      if (phone.ok) {
        const rows = await repo.findByPhones(tx, [phone.value], limit);
        return rows.map((row) => ({ ...row, matchedBy: "phone", score: 1 }));
      }
    }
    if (/^\s*[\d٠-٩]{1,8}\s*$/.test(q)) {
      const fileNumber = Number(q.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
      return (await repo.findByFileNumber(tx, fileNumber)).map((row) => ({
        ...row,
        matchedBy: "file_number",
        score: 1,
      }));
    }
    const key = normalizeArabicName(q);
    if (key.length < 2) return [];
    const pool = Math.max(limit * 10, 200);
    // A typo in any part makes the all-parts match come back empty; only then pay for the fuzzy one.
    const tokens = tokenizeName(q);
    let candidates = await repo.findByNameTokens(tx, key, tokens, pool);
    if (candidates.length === 0) candidates = await repo.findByNameFuzzy(tx, key, pool);
    const hits = new Map<string, SearchHit>();
    for (const row of candidates) {
      const score = Math.max(
        rankNameHit(q, row.fullName, row.similarity),
        row.latinName ? rankNameHit(q, row.latinName, 0) : 0,
      );
      if (score >= 0.75) hits.set(row.id, { ...row, matchedBy: "name", score });
    }
    // A person known as someone's wife, son or mother is found through that file, the member named.
    for (const { member, beneficiary, similarity } of await repo.findByHouseholdNameTokens(
      tx,
      key,
      tokens,
      pool,
    )) {
      const score = rankNameHit(q, member.fullName, similarity);
      if (score < 0.75 || (hits.get(beneficiary.id)?.score ?? 0) >= score) continue;
      hits.set(beneficiary.id, {
        ...beneficiary,
        matchedBy: "household_member",
        matchedMember: { fullName: member.fullName, relation: member.relation },
        score,
      });
    }
    return [...hits.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

function kindOf(nationalId: string): "citizen" | "resident" {
  return nationalId.startsWith("1") ? "citizen" : "resident";
}

export function summary(row: BeneficiaryWithCategory) {
  return {
    id: row.id,
    fileNumber: row.fileNumber,
    fullName: row.fullName,
    nationalId: row.nationalId,
    birthDate: row.birthDate,
    phones: row.phones,
    city: row.city,
    categoryCode: row.categoryCode,
  };
}

function rethrowIdConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("possible_duplicates", "national id registered concurrently", {
      fieldErrors: [
        {
          path: "nationalId",
          code: "national_id_registered",
          message: {
            ar: "رقم الهوية مسجّل لمستفيد آخر في الجمعية.",
            en: "This ID number is already registered for another beneficiary.",
          },
        },
      ],
    });
  }
  throw error;
}

type Reach = { phones: string[]; email: string | null; preferredChannel: string | null };

/** What changed in how the person is reached, in words they read (SPEC I3): told to them on their channel. */
export function contactChangesOf(before: Reach, after: Reach): Change[] {
  const channel = (value: string | null) =>
    value && value in channelNames ? channelNames[value as NotificationChannel].ar : value;
  const changes: Change[] = [];
  if (before.phones.join("،") !== after.phones.join("،"))
    changes.push({
      field: "phones",
      label: "أرقام الجوال",
      before: before.phones.join("، ") || null,
      after: after.phones.join("، ") || null,
    });
  if ((before.email ?? null) !== (after.email ?? null))
    changes.push({ field: "email", label: "البريد الإلكتروني", before: before.email, after: after.email });
  if ((before.preferredChannel ?? null) !== (after.preferredChannel ?? null))
    changes.push({
      field: "preferredChannel",
      label: "وسيلة التواصل المتفق عليها",
      before: channel(before.preferredChannel),
      after: channel(after.preferredChannel),
    });
  return changes;
}
