import {
  type FieldSummary,
  maxActionWorkingDays,
  type NewAction,
  type RecordVisitRequest,
  type recordVisitRequestSchema,
  type SaveChecklistRequest,
} from "../../../shared/contracts/fieldwork.js";
import { riyadhDate, type WorkingCalendar } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened, riyadhDay } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize, can } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { UsersService } from "../users/index.js";
import { fieldworkPolicy } from "./fieldwork.policy.js";
import type { ActionRow, FieldworkRepository, VisitRow } from "./fieldwork.repository.js";

export type FieldworkService = ReturnType<typeof createFieldworkService>;

/** An action with the names the pages and «عملي» show, and whether it is late today. */
export type ActionWithNames = ActionRow & {
  ownerName: string;
  doneByName: string | null;
  overdue: boolean;
  visitKind: string;
  visitPlace: string;
};
export type VisitWithDetails = VisitRow & {
  recordedByName: string;
  participants: { id: string; fullName: string }[];
  photos: { id: string; name: string; mediaType: string }[];
  actions: ActionWithNames[];
};

const fieldError = (path: string, code: string, ar: string, en: string) =>
  new AppError("validation_failed", `${path}: ${code}`, {
    fieldErrors: [{ path, code, message: { ar, en } }],
  });

export function createFieldworkService(deps: {
  db: Database;
  repo: FieldworkRepository;
  users: Pick<UsersService, "lookup" | "activeStaff">;
  files: Pick<FilesService, "lookup">;
  calendar: Pick<CalendarService, "workingCalendar">;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, users, files, calendar, audit, clock } = deps;

  const today = () => riyadhDay(clock.now());

  /**
   * The association's calendar from the visit's year (at most a year back: an older visit counts
   * its earlier days by the weekend alone) to two years ahead, which holds the longest due date.
   */
  async function calendarFrom(tx: Tx, date: string): Promise<WorkingCalendar> {
    const thisYear = riyadhDate(clock.now()).year;
    const from = Math.max(Math.min(Number(date.slice(0, 4)), thisYear), thisYear - 1);
    return calendar.workingCalendar(tx, from, thisYear + 2);
  }

  async function withNames(tx: Tx, rows: ActionRow[]): Promise<ActionWithNames[]> {
    const names = await repo.names(tx, [
      ...rows.map((r) => r.ownerId),
      ...rows.flatMap((r) => (r.doneBy ? [r.doneBy] : [])),
    ]);
    const visits = new Map<string, VisitRow>();
    for (const id of new Set(rows.map((r) => r.visitId))) {
      const visit = await repo.visit(tx, id);
      if (visit) visits.set(id, visit);
    }
    const day = today();
    return rows.map((r) => ({
      ...r,
      ownerName: names.get(r.ownerId) ?? "",
      doneByName: r.doneBy ? (names.get(r.doneBy) ?? "") : null,
      overdue: !r.doneAt && r.dueDate < day,
      visitKind: visits.get(r.visitId)?.kind ?? "",
      visitPlace: visits.get(r.visitId)?.place ?? "",
    }));
  }

  async function assertStaff(tx: Tx, ids: string[], path: (i: number) => string) {
    for (const [i, id] of ids.entries()) {
      if (!(await users.lookup(tx, id)))
        throw fieldError(path(i), "user_unknown", "الموظف غير موجود في الجمعية.", "No such staff member.");
    }
  }

  /** The actions' due dates on the association's working calendar, checked and computed. */
  async function dueDates(tx: Tx, visitedOn: string, actions: NewAction[], prefix: string) {
    const workingCalendar = await calendarFrom(tx, visitedOn);
    return actions.map((action, i) => {
      if (action.dueInWorkingDays !== undefined) {
        if (action.dueInWorkingDays > maxActionWorkingDays)
          throw fieldError(
            `${prefix}.${i}.dueInWorkingDays`,
            "too_many_days",
            "المدة أطول من المسموح.",
            "Too many working days.",
          );
        return workingCalendar.addWorkingDays(visitedOn, action.dueInWorkingDays);
      }
      const due = action.dueDate!;
      if (due > workingCalendar.addWorkingDays(visitedOn, maxActionWorkingDays))
        throw fieldError(
          `${prefix}.${i}.dueDate`,
          "due_too_far",
          "موعد الإنجاز أبعد من المسموح؛ اختر موعدًا خلال سنة من الزيارة.",
          "The due date is too far; choose one within a year of the visit.",
        );
      if (due < visitedOn)
        throw fieldError(
          `${prefix}.${i}.dueDate`,
          "due_before_visit",
          "موعد الإنجاز قبل تاريخ الزيارة.",
          "The due date is before the visit.",
        );
      if (!workingCalendar.isWorkingDay(due))
        throw fieldError(
          `${prefix}.${i}.dueDate`,
          "not_working_day",
          `موعد الإنجاز ليس يوم عمل في تقويم الجمعية؛ أقرب يوم عمل بعده ${workingCalendar.nextWorkingDay(due)}.`,
          `The due date is not a working day; the next one is ${workingCalendar.nextWorkingDay(due)}.`,
        );
      return due;
    });
  }

  async function details(tx: Tx, visit: VisitRow): Promise<VisitWithDetails> {
    const names = await repo.names(tx, [visit.recordedBy, ...visit.participantIds]);
    return {
      ...visit,
      recordedByName: names.get(visit.recordedBy) ?? "",
      participants: visit.participantIds.map((id) => ({ id, fullName: names.get(id) ?? "" })),
      photos: await repo.photos(tx, visit.id),
      actions: await withNames(tx, await repo.actionsOf(tx, [visit.id])),
    };
  }

  /** Readers of the visits, and anyone who owns an action from this one. */
  async function readableVisit(tx: Tx, actor: Actor, visitId: string): Promise<VisitRow> {
    const visit = await repo.visit(tx, visitId);
    if (!visit) throw new AppError("not_found", "field visit not found");
    if (!can(actor, fieldworkPolicy, "read")) {
      const mine = (await repo.actionsOf(tx, [visit.id])).some((a) => a.ownerId === actor.userId);
      if (!mine) throw new AppError("forbidden", "not a reader of field visits");
    }
    return visit;
  }

  return {
    async checklists(actor: Actor) {
      authorize(actor, fieldworkPolicy, "read");
      return db.tenant(actor.associationId, (tx) => repo.checklists(tx));
    },

    async createChecklist(actor: Actor, input: SaveChecklistRequest) {
      authorize(actor, fieldworkPolicy, "manageChecklists");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.insertChecklist(tx, {
          associationId: actor.associationId,
          name: input.name,
          items: input.items,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "field_checklist.saved",
          subject: { type: "field_checklist", id: row.id },
          payload: { version: row.version, items: row.items.length },
        });
        return row;
      });
    },

    /** A new version: visits already recorded keep the items they were answered with. */
    async updateChecklist(actor: Actor, checklistId: string, input: SaveChecklistRequest) {
      authorize(actor, fieldworkPolicy, "manageChecklists");
      return db.tenant(actor.associationId, async (tx) => {
        if (!(await repo.checklist(tx, checklistId))) throw new AppError("not_found", "checklist not found");
        const row = await repo.updateChecklist(tx, checklistId, {
          name: input.name,
          items: input.items,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "field_checklist.saved",
          subject: { type: "field_checklist", id: row.id },
          payload: { version: row.version, items: row.items.length },
        });
        return row;
      });
    },

    async people(actor: Actor) {
      authorize(actor, fieldworkPolicy, "read");
      return db.tenant(actor.associationId, async (tx) =>
        (await users.activeStaff(tx, actor.associationId))
          .map((u) => ({ id: u.id, fullName: u.fullName }))
          .sort((a, b) => a.fullName.localeCompare(b.fullName, "ar")),
      );
    },

    async record(actor: Actor, raw: RecordVisitRequest): Promise<VisitWithDetails> {
      authorize(actor, fieldworkPolicy, "record");
      const input = raw as ReturnType<typeof recordVisitRequestSchema.parse>;
      assertHappened(clock.now(), [
        { path: "visitedOn", date: input.visitedOn, label: { ar: "تاريخ الزيارة", en: "Visit date" } },
      ]);
      return db.tenant(actor.associationId, async (tx) => {
        const participantIds = [...new Set(input.participantIds)];
        await assertStaff(tx, participantIds, (i) => `participantIds.${i}`);
        let checklist = null as Awaited<ReturnType<typeof repo.checklist>> | null;
        if (input.checklistId) {
          checklist = (await repo.checklist(tx, input.checklistId)) ?? null;
          if (!checklist)
            throw fieldError(
              "checklistId",
              "checklist_unknown",
              "قائمة التحقق غير موجودة.",
              "No such checklist.",
            );
          if (input.answers.length !== checklist.items.length)
            throw fieldError(
              "answers",
              "answers_incomplete",
              "أجب عن كل بنود قائمة التحقق.",
              "Answer every item of the checklist.",
            );
        } else if (input.answers.length) {
          throw fieldError(
            "checklistId",
            "checklist_required",
            "اختر قائمة التحقق.",
            "Choose the checklist.",
          );
        }
        for (const [i, id] of input.photoFileIds.entries()) {
          const file = await files.lookup(tx, id);
          if (!file)
            throw fieldError(`photoFileIds.${i}`, "file_unknown", "الملف غير موجود.", "File not found.");
          if (!file.mediaType.startsWith("image/"))
            throw fieldError(
              `photoFileIds.${i}`,
              "not_an_image",
              "الصور تُرفع بصيغة PNG أو JPEG أو WebP.",
              "Photos are PNG, JPEG or WebP images.",
            );
        }
        await assertStaff(
          tx,
          input.actions.map((a) => a.ownerId),
          (i) => `actions.${i}.ownerId`,
        );
        const due = await dueDates(tx, input.visitedOn, input.actions, "actions");
        const visit = await repo.insertVisit(tx, {
          associationId: actor.associationId,
          kind: input.kind,
          visitedOn: input.visitedOn,
          place: input.place,
          participantIds,
          checklistId: checklist?.id ?? null,
          checklistName: checklist?.name ?? null,
          checklistVersion: checklist?.version ?? null,
          answers: checklist
            ? checklist.items.map((item, i) => ({
                item,
                answer: input.answers[i]!.answer,
                note: input.answers[i]!.note || null,
              }))
            : [],
          findings: input.observations,
          recordedBy: actor.userId,
          recordedAt: clock.now(),
        });
        await repo.addPhotos(tx, actor.associationId, visit.id, [...new Set(input.photoFileIds)]);
        const actions = await repo.insertActions(
          tx,
          input.actions.map((a, i) => ({
            associationId: actor.associationId,
            visitId: visit.id,
            text: a.text,
            ownerId: a.ownerId,
            dueDate: due[i]!,
          })),
        );
        await audit.record(tx, actor, {
          type: "field_visit.recorded",
          subject: { type: "field_visit", id: visit.id },
          payload: {
            kind: visit.kind,
            visitedOn: visit.visitedOn,
            checklistVersion: visit.checklistVersion,
            photos: input.photoFileIds.length,
            actions: actions.map((a) => ({ id: a.id, ownerId: a.ownerId, dueDate: a.dueDate })),
          },
        });
        return details(tx, visit);
      });
    },

    async addAction(actor: Actor, visitId: string, action: NewAction): Promise<VisitWithDetails> {
      authorize(actor, fieldworkPolicy, "record");
      return db.tenant(actor.associationId, async (tx) => {
        const visit = await repo.visit(tx, visitId);
        if (!visit) throw new AppError("not_found", "field visit not found");
        await assertStaff(tx, [action.ownerId], () => "ownerId");
        const [due] = await dueDates(tx, visit.visitedOn, [action], "actions");
        if (due! < today() && action.dueDate)
          throw fieldError("dueDate", "due_in_past", "موعد الإنجاز مضى.", "The due date has passed.");
        const [row] = await repo.insertActions(tx, [
          {
            associationId: actor.associationId,
            visitId,
            text: action.text,
            ownerId: action.ownerId,
            dueDate: due!,
          },
        ]);
        await audit.record(tx, actor, {
          type: "field_action.added",
          subject: { type: "field_visit", id: visitId },
          payload: { actionId: row!.id, ownerId: row!.ownerId, dueDate: row!.dueDate },
        });
        return details(tx, visit);
      });
    },

    /** «تم»: by the action's owner, or by management; recorded once, with who and when. */
    async markDone(actor: Actor, actionId: string): Promise<ActionWithNames> {
      return db.tenant(actor.associationId, async (tx) => {
        const action = await repo.action(tx, actionId);
        if (!action) throw new AppError("not_found", "field action not found");
        const mayClose =
          action.ownerId === actor.userId ||
          can(actor, fieldworkPolicy, "supervise") ||
          can(actor, fieldworkPolicy, "record");
        if (!mayClose) throw new AppError("forbidden", "not the action's owner");
        if (action.doneAt) throw new AppError("invalid_transition", "action already done");
        const done = await repo.markDone(tx, actionId, actor.userId, clock.now());
        if (!done) throw new AppError("invalid_transition", "action already done");
        await audit.record(tx, actor, {
          type: "field_action.done",
          subject: { type: "field_visit", id: action.visitId },
          payload: {
            actionId,
            ownerId: action.ownerId,
            dueDate: action.dueDate,
            late: action.dueDate < today(),
          },
        });
        return (await withNames(tx, [done]))[0]!;
      });
    },

    async list(actor: Actor, filter: { kind?: string; from?: string; to?: string }) {
      authorize(actor, fieldworkPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const visits = await repo.visits(tx, filter);
        const actions = await repo.actionsOf(
          tx,
          visits.map((v) => v.id),
        );
        const names = await repo.names(
          tx,
          visits.map((v) => v.recordedBy),
        );
        const day = today();
        return visits.map((v) => {
          const open = actions.filter((a) => a.visitId === v.id && !a.doneAt);
          return {
            ...v,
            recordedByName: names.get(v.recordedBy) ?? "",
            openActions: open.length,
            overdueActions: open.filter((a) => a.dueDate < day).length,
          };
        });
      });
    },

    async get(actor: Actor, visitId: string): Promise<VisitWithDetails> {
      return db.tenant(actor.associationId, async (tx) =>
        details(tx, await readableVisit(tx, actor, visitId)),
      );
    },

    /** The reader's open actions, or (management) every overdue one. */
    async actions(actor: Actor, scope: "mine" | "overdue"): Promise<ActionWithNames[]> {
      if (scope === "overdue") authorize(actor, fieldworkPolicy, "supervise");
      return db.tenant(actor.associationId, async (tx) =>
        withNames(
          tx,
          await repo.openActions(tx, scope === "mine" ? { ownerId: actor.userId } : { dueBefore: today() }),
        ),
      );
    },

    /** For «عملي» inside its tenant transaction: a person's open actions, late or not. */
    async openActionsOf(tx: Tx, ownerId: string): Promise<ActionWithNames[]> {
      return withNames(tx, await repo.openActions(tx, { ownerId }));
    },

    /** For «عملي» inside its tenant transaction: overdue actions, the owner's or everyone's. */
    async overdueActions(tx: Tx, ownerId?: string): Promise<ActionWithNames[]> {
      return withNames(
        tx,
        await repo.openActions(tx, { ...(ownerId ? { ownerId } : {}), dueBefore: today() }),
      );
    },

    async summary(actor: Actor): Promise<FieldSummary> {
      authorize(actor, fieldworkPolicy, "summary");
      return db.tenant(actor.associationId, async (tx) => ({
        openActions: (await repo.openActions(tx, {})).length,
        overdueActions: (await repo.openActions(tx, { dueBefore: today() })).length,
        visitsByMonth: await repo.visitsPerMonth(tx),
      }));
    },

    /**
     * For the evidence pack (G7), inside the caller's tenant transaction: the visits made in the
     * period, oldest first, each with its observations and follow-up actions as they stand now.
     */
    async visitsFor(tx: Tx, period: { from: string; to: string }) {
      const visits = (await repo.visits(tx, period)).reverse();
      const actions = await withNames(
        tx,
        await repo.actionsOf(
          tx,
          visits.map((v) => v.id),
        ),
      );
      const names = await repo.names(tx, [
        ...visits.map((v) => v.recordedBy),
        ...visits.flatMap((v) => v.participantIds),
      ]);
      return visits.map((v) => ({
        id: v.id,
        kind: v.kind,
        visitedOn: v.visitedOn,
        place: v.place,
        recordedByName: names.get(v.recordedBy) ?? "",
        participants: v.participantIds.map((id) => names.get(id) ?? ""),
        findings: v.findings,
        actions: actions.filter((a) => a.visitId === v.id),
      }));
    },

    /** For the files module: whether a file is a visit's photo. */
    isPhoto: (tx: Tx, fileId: string) => repo.isPhoto(tx, fileId),

    /** The audit page's label of a checklist: its name. */
    async checklistLabels(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      const labels = new Map<string, string>();
      for (const id of ids) {
        const checklist = await repo.checklist(tx, id);
        if (checklist) labels.set(id, checklist.name);
      }
      return labels;
    },

    /** The audit page's label of a visit: its place and day. */
    async visitLabels(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      const labels = new Map<string, string>();
      for (const id of ids) {
        const visit = await repo.visit(tx, id);
        if (visit) labels.set(id, `${visit.place} (${visit.visitedOn})`);
      }
      return labels;
    },
  };
}
