import type { z } from "zod";
import {
  type Question,
  type SatisfactionSummary,
  type SaveSurveyRequest,
  type SurveyResults,
  type SurveySettings,
  saveSurveyRequestSchema,
  staffRatingThreshold,
  type surveyResultsQuerySchema,
  type surveyStatuses,
  surveyThemes,
} from "../../../shared/contracts/surveys.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { riyadhDay } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { PolicyService } from "../policy/index.js";
import { surveysPolicy } from "./surveys.policy.js";
import type { SurveyRow, SurveysRepository, VersionRow } from "./surveys.repository.js";
import {
  type Answers,
  fieldError,
  invalid,
  npsScore,
  questionProblems,
  round2,
  themesOf,
} from "./surveys.rules.js";
import { surveyTemplates } from "./surveys.templates.js";

export type SurveysService = ReturnType<typeof createSurveysService>;
export type SurveyWithVersions = SurveyRow & {
  invitations: number;
  answers: number;
  versions: VersionRow[];
};

export const defaultSettings: SurveySettings = {
  postServiceSurveyId: null,
  afterDelivery: false,
  afterRequestClosed: false,
  afterComplaintClosed: false,
  quietDays: 90,
  linkValidDays: 14,
  reminderAfterDays: 3,
};

const monthOf = (day: string) => day.slice(0, 7);

/** The survey builder, its settings, and the aggregates it shows (SPEC S1, G6). */
export function createSurveysService(deps: {
  db: Database;
  repo: SurveysRepository;
  policy: Pick<PolicyService, "approvedRules">;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, policy, audit, clock } = deps;

  async function withVersions(tx: Tx, survey: SurveyRow): Promise<SurveyWithVersions> {
    const versions = await repo.versions(tx, survey.id);
    return {
      ...survey,
      versions,
      answers: versions.reduce((n, v) => n + v.answers, 0),
      invitations: await repo.invitedCount(tx, { surveyId: survey.id }),
    };
  }

  function checked(input: SaveSurveyRequest) {
    const parsed = saveSurveyRequestSchema.parse(input);
    const problems = questionProblems(parsed.questions);
    if (problems.length) throw invalid(problems);
    return parsed;
  }

  async function settingsOf(tx: Tx): Promise<SurveySettings> {
    const row = await repo.settings(tx);
    if (!row) return defaultSettings;
    return {
      postServiceSurveyId: row.postServiceSurveyId,
      afterDelivery: row.afterDelivery,
      afterRequestClosed: row.afterRequestClosed,
      afterComplaintClosed: row.afterComplaintClosed,
      quietDays: row.quietDays,
      linkValidDays: row.linkValidDays,
      reminderAfterDays: row.reminderAfterDays,
    };
  }

  /** A staff question with fewer than five answers shows only that it is withheld. */
  function questionResult(
    q: Question,
    rollups: {
      answers: number;
      sum: number;
      promoters: number;
      passives: number;
      detractors: number;
      counts: Record<string, number>;
    },
    examples: Map<string, string[]>,
  ): SurveyResults["questions"][number] {
    const base = { key: q.key, kind: q.kind, text: q.text, answers: rollups.answers };
    if (q.aboutStaff && rollups.answers < staffRatingThreshold)
      return { ...base, mean: null, distribution: [], nps: null, themes: [], withheld: true };
    const values =
      q.kind === "csat" || q.kind === "likert"
        ? ["1", "2", "3", "4", "5"]
        : q.kind === "nps"
          ? Array.from({ length: 11 }, (_, i) => String(i))
          : q.kind === "text"
            ? []
            : q.options.map((o) => o.key);
    const distribution = values.map((value) => ({ value, count: rollups.counts[value] ?? 0 }));
    const scored = q.kind === "csat" || q.kind === "likert" || q.kind === "nps";
    return {
      ...base,
      mean: scored && rollups.answers ? round2(rollups.sum / rollups.answers) : null,
      distribution,
      nps:
        q.kind === "nps"
          ? {
              score: npsScore(rollups.promoters, rollups.passives, rollups.detractors) ?? 0,
              promoters: rollups.promoters,
              passives: rollups.passives,
              detractors: rollups.detractors,
            }
          : null,
      themes:
        q.kind === "text"
          ? surveyThemes
              .map((theme) => ({
                theme,
                count: rollups.counts[theme] ?? 0,
                examples: examples.get(`${q.key}|${theme}`) ?? [],
              }))
              .filter((t) => t.count > 0)
              .sort((a, b) => b.count - a.count)
          : [],
      withheld: false,
    };
  }

  return {
    settingsOf,

    async list(actor: Actor) {
      authorize(actor, surveysPolicy, "build");
      return db.tenant(actor.associationId, async (tx) =>
        (await repo.surveys(tx)).map((r) => ({
          ...r.survey,
          answers: r.answers,
          invitations: r.invitations,
        })),
      );
    },

    async get(actor: Actor, id: string): Promise<SurveyWithVersions> {
      authorize(actor, surveysPolicy, "build");
      return db.tenant(actor.associationId, async (tx) => {
        const survey = await repo.survey(tx, id);
        if (!survey) throw new AppError("not_found", "survey not found");
        return withVersions(tx, survey);
      });
    },

    async templates(actor: Actor) {
      authorize(actor, surveysPolicy, "build");
      const rules = await db.tenant(actor.associationId, (tx) => policy.approvedRules(tx));
      return surveyTemplates(rules?.satisfactionMethods ?? []).map((t) => ({
        ...t,
        survey: saveSurveyRequestSchema.parse(t.survey),
      }));
    },

    async create(actor: Actor, input: SaveSurveyRequest): Promise<SurveyWithVersions> {
      authorize(actor, surveysPolicy, "build");
      const parsed = checked(input);
      return db.tenant(actor.associationId, async (tx) => {
        const now = clock.now();
        const survey = await repo.insertSurvey(tx, {
          associationId: actor.associationId,
          name: parsed.name,
          purpose: parsed.purpose,
          createdBy: actor.userId,
          updatedAt: now,
        });
        await repo.insertVersion(tx, {
          associationId: actor.associationId,
          surveyId: survey.id,
          version: 1,
          intro: parsed.intro ?? null,
          questions: parsed.questions,
          createdBy: actor.userId,
          createdAt: now,
        });
        await audit.record(tx, actor, {
          type: "survey.saved",
          subject: { type: "survey", id: survey.id },
          payload: { version: 1, questions: parsed.questions.length, newVersion: true },
        });
        return withVersions(tx, survey);
      });
    },

    /**
     * Saving: the current version is rewritten while nobody has answered it; once answered, its
     * questions stay as they were and the survey moves to a new version.
     */
    async update(actor: Actor, id: string, input: SaveSurveyRequest): Promise<SurveyWithVersions> {
      authorize(actor, surveysPolicy, "build");
      const parsed = checked(input);
      return db.tenant(actor.associationId, async (tx) => {
        const survey = await repo.lockSurvey(tx, id);
        if (!survey) throw new AppError("not_found", "survey not found");
        if (survey.purpose !== parsed.purpose)
          throw invalid([
            fieldError(
              "purpose",
              "purpose_fixed",
              "لا يتغير غرض الاستبانة بعد إنشائها؛ أنشئ استبانة جديدة.",
              "A survey's purpose does not change; create a new survey.",
            ),
          ]);
        const now = clock.now();
        const values = { intro: parsed.intro ?? null, questions: parsed.questions };
        const rewritten = await repo.rewriteVersion(tx, id, survey.currentVersion, values);
        let version = survey.currentVersion;
        if (!rewritten) {
          version += 1;
          await repo.insertVersion(tx, {
            associationId: actor.associationId,
            surveyId: id,
            version,
            ...values,
            createdBy: actor.userId,
            createdAt: now,
          });
        }
        const updated = await repo.updateSurvey(tx, id, {
          name: parsed.name,
          currentVersion: version,
          updatedAt: now,
        });
        await audit.record(tx, actor, {
          type: "survey.saved",
          subject: { type: "survey", id },
          payload: { version, questions: parsed.questions.length, newVersion: !rewritten },
        });
        return withVersions(tx, updated);
      });
    },

    async setStatus(actor: Actor, id: string, status: (typeof surveyStatuses)[number]) {
      authorize(actor, surveysPolicy, "build");
      return db.tenant(actor.associationId, async (tx) => {
        const survey = await repo.lockSurvey(tx, id);
        if (!survey) throw new AppError("not_found", "survey not found");
        if (survey.status === "archived" && status !== "archived")
          throw new AppError("invalid_transition", "archived surveys stay archived", {
            fieldErrors: [
              fieldError(
                "status",
                "archived",
                "الاستبانة المؤرشفة لا تعود؛ انسخها في استبانة جديدة.",
                "An archived survey stays archived.",
              ),
            ],
          });
        const updated = await repo.updateSurvey(tx, id, { status, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          type: "survey.status_changed",
          subject: { type: "survey", id },
          payload: { from: survey.status, to: status },
        });
        return withVersions(tx, updated);
      });
    },

    async settings(actor: Actor): Promise<SurveySettings> {
      authorize(actor, surveysPolicy, "build");
      return db.tenant(actor.associationId, settingsOf);
    },

    async saveSettings(actor: Actor, input: SurveySettings): Promise<SurveySettings> {
      authorize(actor, surveysPolicy, "build");
      return db.tenant(actor.associationId, async (tx) => {
        if (input.postServiceSurveyId) {
          const survey = await repo.survey(tx, input.postServiceSurveyId);
          if (!survey)
            throw invalid([
              fieldError("postServiceSurveyId", "survey_unknown", "الاستبانة غير موجودة.", "No such survey."),
            ]);
          if (survey.purpose !== "post_service")
            throw invalid([
              fieldError(
                "postServiceSurveyId",
                "not_post_service",
                "اختر استبانة بعد الخدمة.",
                "Choose a post-service survey.",
              ),
            ]);
        }
        await repo.saveSettings(tx, {
          associationId: actor.associationId,
          ...input,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "survey_settings.updated",
          subject: { type: "association", id: actor.associationId },
          payload: {
            postServiceSurveyId: input.postServiceSurveyId,
            triggers: [
              ...(input.afterDelivery ? ["delivery"] : []),
              ...(input.afterRequestClosed ? ["request_closed"] : []),
              ...(input.afterComplaintClosed ? ["complaint_closed"] : []),
            ],
          },
        });
        return settingsOf(tx);
      });
    },

    /** Aggregates only, from the monthly rollups; free-text examples from the latest answers. */
    async results(
      actor: Actor,
      id: string,
      query: z.infer<typeof surveyResultsQuerySchema>,
    ): Promise<SurveyResults> {
      authorize(actor, surveysPolicy, "results");
      return db.tenant(actor.associationId, async (tx) => {
        const survey = await repo.survey(tx, id);
        if (!survey) throw new AppError("not_found", "survey not found");
        const months = {
          ...(query.from ? { from: monthOf(query.from) } : {}),
          ...(query.to ? { to: monthOf(query.to) } : {}),
        };
        const rollups = await repo.rollups(tx, { surveyId: id, ...months });
        const versions = await repo.versions(tx, id);
        // The current version's questions, then any earlier question no longer asked.
        const questions: Question[] = [];
        for (const v of versions)
          for (const q of v.questions as Question[])
            if (!questions.some((x) => x.key === q.key)) questions.push(q);
        const summed = (key: string, kind: string) => {
          const total = {
            answers: 0,
            sum: 0,
            promoters: 0,
            passives: 0,
            detractors: 0,
            counts: {} as Record<string, number>,
          };
          for (const r of rollups)
            if (r.questionKey === key && r.kind === kind) {
              total.answers += r.answers;
              total.sum += Number(r.sum);
              total.promoters += r.promoters;
              total.passives += r.passives;
              total.detractors += r.detractors;
              for (const [k, n] of Object.entries(r.counts as Record<string, number>))
                total.counts[k] = (total.counts[k] ?? 0) + n;
            }
          return total;
        };
        const examples = new Map<string, string[]>();
        const textKeys = questions.filter((q) => q.kind === "text").map((q) => q.key);
        if (textKeys.length)
          for (const row of await repo.recentAnswers(tx, id, query, 300)) {
            const answers = row.answers as Answers;
            for (const key of textKeys) {
              const text = answers[key];
              if (typeof text !== "string") continue;
              for (const theme of themesOf(text)) {
                const list = examples.get(`${key}|${theme}`) ?? [];
                if (list.length < 3) list.push(text);
                examples.set(`${key}|${theme}`, list);
              }
            }
          }
        const dayWindow = {
          ...(query.from ? { fromAt: new Date(`${query.from}T00:00:00+03:00`) } : {}),
          ...(query.to ? { toAt: new Date(`${query.to}T23:59:59.999+03:00`) } : {}),
        };
        return {
          survey: { id: survey.id, name: survey.name },
          invited: await repo.invitedCount(tx, { surveyId: id, ...dayWindow }),
          answered: summed("", "answer").answers,
          questions: questions.map((q) => questionResult(q, summed(q.key, q.kind), examples)),
        };
      });
    },

    /** For the dashboard, inside its caller's reading: CSAT and NPS by month, themes, staff overall. */
    async satisfactionSummary(
      actor: Actor,
      period: { from?: string; to?: string },
    ): Promise<SatisfactionSummary> {
      authorize(actor, surveysPolicy, "results");
      return db.tenant(actor.associationId, (tx) => summaryIn(tx, period));
    },

    /** The signed-in employee's own rating over the last twelve months, shown over five answers or more. */
    async myRating(actor: Actor) {
      const to = riyadhDay(clock.now()).slice(0, 7);
      const from = lastTwelveMonths(to);
      const row = await db.tenant(actor.associationId, (tx) =>
        repo.staffRating(tx, { staffId: actor.userId, from, to }),
      );
      const withheld = row.answers < staffRatingThreshold;
      return { answers: row.answers, csat: withheld ? null : round2(row.sum / row.answers), withheld };
    },
  };

  async function summaryIn(tx: Tx, period: { from?: string; to?: string }): Promise<SatisfactionSummary> {
    const months = {
      ...(period.from ? { from: monthOf(period.from) } : {}),
      ...(period.to ? { to: monthOf(period.to) } : {}),
    };
    const figures = await repo.monthlyFigures(tx, months);
    const byMonth = new Map<
      string,
      { answers: number; csatN: number; csatSum: number; p: number; pa: number; d: number }
    >();
    for (const f of figures) {
      const m = byMonth.get(f.month) ?? { answers: 0, csatN: 0, csatSum: 0, p: 0, pa: 0, d: 0 };
      if (f.kind === "answer") m.answers += f.answers;
      if (f.kind === "csat") {
        m.csatN += f.answers;
        m.csatSum += Number(f.sum);
      }
      if (f.kind === "nps") {
        m.p += f.promoters;
        m.pa += f.passives;
        m.d += f.detractors;
      }
      byMonth.set(f.month, m);
    }
    const all = [...byMonth.values()].reduce(
      (t, m) => ({
        answers: t.answers + m.answers,
        csatN: t.csatN + m.csatN,
        csatSum: t.csatSum + m.csatSum,
        p: t.p + m.p,
        pa: t.pa + m.pa,
        d: t.d + m.d,
      }),
      { answers: 0, csatN: 0, csatSum: 0, p: 0, pa: 0, d: 0 },
    );
    const staff = await repo.staffRating(tx, months);
    return {
      answers: all.answers,
      invited: await repo.invitedCount(tx, {
        ...(period.from ? { fromAt: new Date(`${period.from}T00:00:00+03:00`) } : {}),
        ...(period.to ? { toAt: new Date(`${period.to}T23:59:59.999+03:00`) } : {}),
      }),
      csat: all.csatN ? round2(all.csatSum / all.csatN) : null,
      nps: npsScore(all.p, all.pa, all.d),
      byMonth: [...byMonth].map(([month, m]) => ({
        month,
        answers: m.answers,
        csat: m.csatN ? round2(m.csatSum / m.csatN) : null,
        nps: npsScore(m.p, m.pa, m.d),
      })),
      themes: (await repo.themeCounts(tx, months)).map((t) => ({ theme: t.theme, count: t.count })),
      staffCsat: staff.answers >= staffRatingThreshold ? round2(staff.sum / staff.answers) : null,
    };
  }
}

/** The month eleven months before `month` (YYYY-MM): a year of months ending with it. */
export function lastTwelveMonths(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
