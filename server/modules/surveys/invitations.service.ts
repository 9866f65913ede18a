import { createHmac, randomBytes, randomInt } from "node:crypto";
import {
  type CampaignView,
  type CreateCampaignRequest,
  type PostServiceCounts,
  type Question,
  type SubmitSurveyRequest,
  submitSurveyRequestSchema,
  type Wording,
} from "../../../shared/contracts/surveys.js";
import { dayNumberFromIso, riyadhStartOfDay } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { riyadhDay } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { ReactionReport, ServiceGiven } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import { surveysPolicy } from "./surveys.policy.js";
import type { CampaignRow, InvitationRow, SurveysRepository } from "./surveys.repository.js";
import {
  type Answers,
  checkAnswers,
  fieldError,
  followUpOf,
  invalid,
  mergeDeltas,
  type RollupDelta,
  rollupDeltas,
} from "./surveys.rules.js";
import type { SurveysService } from "./surveys.service.js";

export type InvitationsService = ReturnType<typeof createInvitationsService>;
export const reminderJob = "surveys.remind";

type Trigger = "delivery" | "request_closed" | "complaint_closed" | "campaign";
type HoldReason = "optedOut" | "recentlySurveyed" | "unreachable";
const dayMs = 86_400_000;

/** What the public page shows: the survey's current questions, in the association's name. */
export type PublicSurvey = {
  associationName: string;
  name: string;
  intro: Wording | null;
  questions: Question[];
  expiresAt: Date;
};

export const linkInvalid = () =>
  new AppError("not_found", "survey link unknown or expired", {
    fieldErrors: [
      fieldError("token", "link_invalid", "هذا الرابط لم يعد صالحًا.", "This link is no longer valid."),
    ],
  });
export const alreadyAnswered = () =>
  new AppError("conflict", "survey already answered", {
    fieldErrors: [
      fieldError(
        "token",
        "already_answered",
        "سبق أن أُرسلت الإجابة عن هذه الاستبانة. شكرًا لك.",
        "This survey was already answered. Thank you.",
      ),
    ],
  });

/**
 * Invitations (after a service, or in a campaign), the one reminder, the person's choice not to be
 * asked, and the public answer kept apart from the invitation (ADR 0027).
 */
export function createInvitationsService(deps: {
  db: Database;
  repo: SurveysRepository;
  surveys: Pick<SurveysService, "settingsOf">;
  beneficiaries: Pick<BeneficiariesService, "lookup">;
  notifications: Pick<NotificationsService, "notifyBeneficiary" | "reachesElectronically">;
  associations: Pick<AssociationsService, "current">;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  /** Keys the personal links: a token is derived from its invitation's nonce, only its hash is looked up. */
  secret: string;
  /** Where the public page is served (SILAH_PUBLIC_URL); without it, the development server. */
  publicUrl: string;
}) {
  const { db, repo, surveys, beneficiaries, notifications, associations, audit, clock, queue, secret } = deps;

  // The token is a keyed function of a random nonce: the database alone (nonce and hash) never
  // yields a working link, and the one reminder can repeat the same link without storing it.
  const tokenOf = (nonce: string) =>
    createHmac("sha256", secret).update(`survey-link:${nonce}`).digest("base64url");
  const hashOf = (token: string) =>
    createHmac("sha256", secret).update(`survey-token:${token}`).digest("hex");
  const linkOf = (nonce: string) => `${deps.publicUrl.replace(/\/$/, "")}/s/${tokenOf(nonce)}`;

  async function holdReason(tx: Tx, beneficiaryId: string, quietDays: number): Promise<HoldReason | null> {
    if ((await repo.optedOutOf(tx, [beneficiaryId])).size) return "optedOut";
    const since = new Date(clock.now().getTime() - quietDays * dayMs);
    if ((await repo.invitedSince(tx, [beneficiaryId], since)).size) return "recentlySurveyed";
    const person = await beneficiaries.lookup(tx, beneficiaryId);
    if (!person || person.mergedIntoId || !notifications.reachesElectronically(person)) return "unreachable";
    return null;
  }

  async function invite(
    tx: Tx,
    source: AuditSource,
    values: {
      surveyId: string;
      beneficiaryId: string;
      trigger: Trigger;
      subjectId: string | null;
      staffId: string | null;
      campaignId: string | null;
      expiresAt: Date;
      reminderAfterDays: number;
    },
  ): Promise<InvitationRow> {
    const now = clock.now();
    const nonce = randomBytes(24).toString("base64url");
    const invitation = await repo.insertInvitation(tx, {
      associationId: source.associationId,
      surveyId: values.surveyId,
      beneficiaryId: values.beneficiaryId,
      campaignId: values.campaignId,
      trigger: values.trigger,
      subjectId: values.subjectId,
      staffId: values.staffId,
      tokenNonce: nonce,
      tokenHash: hashOf(tokenOf(nonce)),
      invitedAt: now,
      expiresAt: values.expiresAt,
    });
    const until = riyadhDay(new Date(values.expiresAt.getTime() - 1));
    await notifications.notifyBeneficiary(tx, source, {
      beneficiaryId: values.beneficiaryId,
      eventKey: `survey_invitation:${invitation.id}:invite`,
      subject: "رأيك يهمنا",
      body: `نرجو أن تخبرنا برأيك في خدمات الجمعية في دقيقة واحدة: ${linkOf(nonce)}\nالرابط صالح حتى ${until}. إجابتك لا تُربط باسمك.`,
    });
    const remindAt = new Date(now.getTime() + values.reminderAfterDays * dayMs);
    if (remindAt < values.expiresAt)
      await queue.enqueue(
        reminderJob,
        { invitationId: invitation.id },
        {
          associationId: source.associationId,
          runAt: remindAt,
          dedupeKey: `survey-reminder:${invitation.id}`,
        },
        tx,
      );
    return invitation;
  }

  /** The one reminder: never after an answer, never after the link expired, never twice. */
  const remind: JobHandler = async (job) => {
    const { invitationId } = job.payload as { invitationId: string };
    if (!job.associationId) return;
    await db.tenant(job.associationId, async (tx) => {
      const invitation = await repo.invitation(tx, invitationId);
      if (!invitation || invitation.answered || invitation.reminded) return;
      if (clock.now() >= invitation.expiresAt) return;
      if (!(await repo.markReminded(tx, invitation.id))) return;
      const until = riyadhDay(new Date(invitation.expiresAt.getTime() - 1));
      await notifications.notifyBeneficiary(
        tx,
        { system: true, associationId: invitation.associationId },
        {
          beneficiaryId: invitation.beneficiaryId,
          eventKey: `survey_invitation:${invitation.id}:reminder`,
          subject: "تذكير: رأيك يهمنا",
          body: `لم تصلنا إجابتك بعد. يسعدنا أن تخبرنا برأيك: ${linkOf(invitation.tokenNonce)}\nالرابط صالح حتى ${until}.`,
        },
      );
    });
  };

  /** After a service: an invitation when the settings ask for one and nothing holds it back. */
  function afterService(trigger: Exclude<Trigger, "campaign">) {
    return async (tx: Tx, event: ServiceGiven): Promise<ReactionReport> => {
      const settings = await surveys.settingsOf(tx);
      const on =
        trigger === "delivery"
          ? settings.afterDelivery
          : trigger === "request_closed"
            ? settings.afterRequestClosed
            : settings.afterComplaintClosed;
      if (!on || !settings.postServiceSurveyId || !event.beneficiaryId) return {};
      const survey = await repo.survey(tx, settings.postServiceSurveyId);
      if (survey?.status !== "active") return {};
      const reason = await holdReason(tx, event.beneficiaryId, settings.quietDays);
      if (reason) {
        await repo.holdBack(tx, event.associationId, riyadhDay(clock.now()).slice(0, 7), reason);
        return {};
      }
      await invite(tx, event.actor, {
        surveyId: survey.id,
        beneficiaryId: event.beneficiaryId,
        trigger,
        subjectId: event.subjectId,
        staffId: event.staffId,
        campaignId: null,
        expiresAt: new Date(clock.now().getTime() + settings.linkValidDays * dayMs),
        reminderAfterDays: settings.reminderAfterDays,
      });
      return { survey_invitations: 1 };
    };
  }

  async function campaignView(tx: Tx, row: CampaignRow): Promise<CampaignView> {
    const counts = await repo.invitationCounts(tx, { campaignId: row.id });
    const survey = await repo.survey(tx, row.surveyId);
    const names = await repo.names(tx, [row.createdBy]);
    return {
      id: row.id,
      name: row.name,
      survey: { id: row.surveyId, name: survey?.name ?? "" },
      audience: row.audience as CampaignView["audience"],
      closesOn: row.closesOn,
      createdBy: { id: row.createdBy, fullName: names.get(row.createdBy) ?? "" },
      createdAt: row.createdAt.toISOString(),
      audienceSize: row.audienceSize,
      invited: counts.invited,
      heldBack: {
        optedOut: row.heldOptedOut,
        recentlySurveyed: row.heldRecentlySurveyed,
        unreachable: row.heldUnreachable,
      },
      reminded: counts.reminded,
      answered: counts.answered,
    };
  }

  /** The invitation behind a link, with its association; unknown or expired links read the same. */
  async function openLink(token: string) {
    const found = await db.system((tx) => repo.invitationByHash(tx, hashOf(token)));
    if (!found) throw linkInvalid();
    return found;
  }

  async function surveyFor(tx: Tx, invitation: InvitationRow) {
    const survey = await repo.survey(tx, invitation.surveyId);
    if (!survey || survey.status !== "active") throw linkInvalid();
    const version = (await repo.version(tx, survey.id, survey.currentVersion))!;
    return { survey, version, questions: version.questions as Question[] };
  }

  /**
   * Keeps an answer: the invitation only learns it was answered (no time); the answer row holds
   * the survey, version, Riyadh day and answers; staff ratings go to their monthly counts; the
   * rollup grows in the same transaction. Nothing here is audited: an audit row would time it.
   */
  async function keep(
    tx: Tx,
    invitation: InvitationRow,
    input: { answers: Answers; allowContact: boolean },
  ): Promise<void> {
    const now = clock.now();
    if (invitation.answered) throw alreadyAnswered();
    if (now >= invitation.expiresAt) throw linkInvalid();
    const { survey, version, questions } = await surveyFor(tx, invitation);
    const answers = checkAnswers(questions, input.answers);
    if (!(await repo.markAnswered(tx, invitation.id))) throw alreadyAnswered();
    const day = riyadhDay(now);
    const month = day.slice(0, 7);
    await repo.insertAnswers(tx, [
      {
        associationId: invitation.associationId,
        surveyId: survey.id,
        version: version.version,
        answeredOn: day,
        answers,
      },
    ]);
    await repo.countAnswer(tx, survey.id, version.version);
    await repo.addToRollups(
      tx,
      invitation.associationId,
      survey.id,
      rollupDeltas(questions, answers).map((delta) => ({ month, delta })),
    );
    if (invitation.staffId) {
      const ratings = questions
        .filter((q) => q.aboutStaff && typeof answers[q.key] === "number")
        .map((q) => answers[q.key] as number);
      if (ratings.length)
        await repo.rateStaff(
          tx,
          invitation.associationId,
          invitation.staffId,
          month,
          ratings.length,
          ratings.reduce((a, b) => a + b, 0),
        );
    }
    // Only with the respondent's permission: a copy of the low score and the text, never the answer row.
    const followUp = input.allowContact ? followUpOf(questions, answers) : null;
    if (followUp) {
      const row = await repo.insertFollowUp(tx, {
        associationId: invitation.associationId,
        surveyId: survey.id,
        beneficiaryId: invitation.beneficiaryId,
        lowestKind: followUp.lowest?.kind ?? null,
        lowestValue: followUp.lowest?.value ?? null,
        text: followUp.text,
        createdAt: now,
      });
      await audit.record(
        tx,
        { system: true, associationId: invitation.associationId },
        {
          type: "survey_follow_up.created",
          subject: { type: "beneficiary", id: invitation.beneficiaryId },
          payload: {
            followUpId: row.id,
            surveyId: survey.id,
            lowScore: followUp.lowest !== null,
            text: followUp.text !== null,
          },
        },
      );
    }
  }

  return {
    jobs: { [reminderJob]: remind } as Record<string, JobHandler>,
    afterDelivery: afterService("delivery"),
    afterRequestClosed: afterService("request_closed"),
    afterComplaintClosed: afterService("complaint_closed"),

    async postServiceCounts(actor: Actor): Promise<PostServiceCounts> {
      authorize(actor, surveysPolicy, "results");
      return db.tenant(actor.associationId, async (tx) => {
        const counts = await repo.invitationCounts(tx, { postService: true });
        const held = await repo.heldBackTotals(tx);
        return {
          ...counts,
          heldBack: {
            optedOut: held.get("optedOut") ?? 0,
            recentlySurveyed: held.get("recentlySurveyed") ?? 0,
            unreachable: held.get("unreachable") ?? 0,
          },
        };
      });
    },

    /** A campaign: the audience, those held back by reason, a random sample of the rest, invited now. */
    async createCampaign(actor: Actor, input: CreateCampaignRequest): Promise<CampaignView> {
      authorize(actor, surveysPolicy, "build");
      const { audience } = input;
      const problems = [];
      if (audience.kind === "category" && !audience.categoryId)
        problems.push(fieldError("audience.categoryId", "required", "اختر الفئة.", "Choose the category."));
      if (audience.kind === "service" && !audience.serviceId)
        problems.push(fieldError("audience.serviceId", "required", "اختر الخدمة.", "Choose the service."));
      const today = riyadhDay(clock.now());
      if (input.closesOn < today)
        problems.push(
          fieldError("closesOn", "closes_in_past", "تاريخ الإغلاق مضى.", "The closing day has passed."),
        );
      else if (dayNumberFromIso(input.closesOn) - dayNumberFromIso(today) > 90)
        problems.push(
          fieldError(
            "closesOn",
            "closes_too_far",
            "تبقى الروابط صالحة تسعين يومًا على الأكثر.",
            "Links stay valid at most ninety days.",
          ),
        );
      if (problems.length) throw invalid(problems);
      return db.tenant(actor.associationId, async (tx) => {
        const survey = await repo.survey(tx, input.surveyId);
        if (!survey)
          throw invalid([
            fieldError("surveyId", "survey_unknown", "الاستبانة غير موجودة.", "No such survey."),
          ]);
        if (survey.status !== "active")
          throw invalid([
            fieldError(
              "surveyId",
              "survey_not_active",
              "فعّل الاستبانة قبل إرسالها.",
              "Activate the survey first.",
            ),
          ]);
        const settings = await surveys.settingsOf(tx);
        const people = await repo.audience(tx, audience);
        const optedOut = await repo.optedOutOf(tx, people);
        const recent = await repo.invitedSince(
          tx,
          people,
          new Date(clock.now().getTime() - settings.quietDays * dayMs),
        );
        const held = { optedOut: 0, recentlySurveyed: 0, unreachable: 0 };
        const eligible: string[] = [];
        for (const id of people) {
          if (optedOut.has(id)) held.optedOut++;
          else if (recent.has(id)) held.recentlySurveyed++;
          else {
            const person = await beneficiaries.lookup(tx, id);
            if (person && notifications.reachesElectronically(person)) eligible.push(id);
            else held.unreachable++;
          }
        }
        // A fair random sample (Fisher–Yates over the eligible), when one is asked for.
        if (audience.sampleSize !== undefined && audience.sampleSize < eligible.length) {
          for (let i = eligible.length - 1; i > 0; i--) {
            const j = randomInt(i + 1);
            [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
          }
          eligible.length = audience.sampleSize;
        }
        const campaign = await repo.insertCampaign(tx, {
          associationId: actor.associationId,
          surveyId: survey.id,
          name: input.name,
          audience,
          closesOn: input.closesOn,
          audienceSize: people.length,
          heldOptedOut: held.optedOut,
          heldRecentlySurveyed: held.recentlySurveyed,
          heldUnreachable: held.unreachable,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        const expiresAt = riyadhStartOfDay(dayNumberFromIso(input.closesOn) + 1);
        for (const beneficiaryId of eligible)
          await invite(tx, actor, {
            surveyId: survey.id,
            beneficiaryId,
            trigger: "campaign",
            subjectId: null,
            staffId: null,
            campaignId: campaign.id,
            expiresAt,
            reminderAfterDays: settings.reminderAfterDays,
          });
        await audit.record(tx, actor, {
          type: "survey_campaign.created",
          subject: { type: "survey", id: survey.id },
          payload: { campaignId: campaign.id, audienceSize: people.length, invited: eligible.length },
        });
        return campaignView(tx, campaign);
      });
    },

    async campaigns(actor: Actor): Promise<CampaignView[]> {
      authorize(actor, surveysPolicy, "results");
      return db.tenant(actor.associationId, async (tx) => {
        const views: CampaignView[] = [];
        for (const row of await repo.campaigns(tx)) views.push(await campaignView(tx, row));
        return views;
      });
    },

    async preference(actor: Actor, beneficiaryId: string) {
      authorize(actor, surveysPolicy, "preference");
      return db.tenant(actor.associationId, async (tx) => {
        if (!(await beneficiaries.lookup(tx, beneficiaryId)))
          throw new AppError("not_found", "beneficiary not found");
        const row = await repo.optOut(tx, beneficiaryId);
        return { optedOut: Boolean(row), since: row?.since.toISOString() ?? null };
      });
    },

    async setPreference(actor: Actor, beneficiaryId: string, optedOut: boolean) {
      authorize(actor, surveysPolicy, "preference");
      return db.tenant(actor.associationId, async (tx) => {
        if (!(await beneficiaries.lookup(tx, beneficiaryId)))
          throw new AppError("not_found", "beneficiary not found");
        if (optedOut) await repo.setOptOut(tx, actor.associationId, beneficiaryId, clock.now());
        else await repo.clearOptOut(tx, beneficiaryId);
        await audit.record(tx, actor, {
          type: "survey.preference_changed",
          subject: { type: "beneficiary", id: beneficiaryId },
          payload: { optedOut, by: "staff" },
        });
        const row = await repo.optOut(tx, beneficiaryId);
        return { optedOut: Boolean(row), since: row?.since.toISOString() ?? null };
      });
    },

    /** The public survey behind a link; an answered one says so (409), an unknown or expired one is invalid. */
    async publicSurvey(token: string): Promise<PublicSurvey> {
      const invitation = await openLink(token);
      return db.tenant(invitation.associationId, async (tx) => {
        if (clock.now() >= invitation.expiresAt) throw linkInvalid();
        if (invitation.answered) throw alreadyAnswered();
        const { survey, version, questions } = await surveyFor(tx, invitation);
        const association = await associations.current({ associationId: invitation.associationId });
        return {
          associationName: association.nameAr,
          name: survey.name,
          intro: (version.intro as Wording | null) ?? null,
          questions,
          expiresAt: invitation.expiresAt,
        };
      });
    },

    async submit(token: string, raw: SubmitSurveyRequest): Promise<void> {
      const input = submitSurveyRequestSchema.parse(raw);
      const invitation = await openLink(token);
      await db.tenant(invitation.associationId, async (tx) => {
        await keep(tx, invitation, { answers: input.answers as Answers, allowContact: input.allowContact });
      });
    },

    /** «لا أرغب في الاستبانات» from the survey page: no more invitations to this person. */
    async optOutByLink(token: string): Promise<void> {
      const invitation = await openLink(token);
      await db.tenant(invitation.associationId, async (tx) => {
        await repo.setOptOut(tx, invitation.associationId, invitation.beneficiaryId, clock.now());
        await audit.record(
          tx,
          { system: true, associationId: invitation.associationId },
          {
            type: "survey.preference_changed",
            subject: { type: "beneficiary", id: invitation.beneficiaryId },
            payload: { optedOut: true, by: "respondent" },
          },
        );
      });
    },

    /**
     * Answers in bulk for the demo data and the bench: each kept as one answer row, the rollups and
     * version counts added once per batch. No invitation, no follow-up.
     */
    async loadAnswers(
      tx: Tx,
      associationId: string,
      surveyId: string,
      answers: { day: string; answers: Answers; staffId?: string | null }[],
    ): Promise<void> {
      const survey = await repo.survey(tx, surveyId);
      if (!survey) throw new AppError("not_found", "survey not found");
      const version = (await repo.version(tx, surveyId, survey.currentVersion))!;
      const questions = version.questions as Question[];
      const merged = new Map<string, RollupDelta>();
      const ratings = new Map<string, { answers: number; sum: number }>();
      const rows = answers.map((a) => {
        const kept = checkAnswers(questions, a.answers);
        const month = a.day.slice(0, 7);
        mergeDeltas(merged, month, rollupDeltas(questions, kept));
        for (const q of questions)
          if (q.aboutStaff && a.staffId && typeof kept[q.key] === "number") {
            const key = `${a.staffId}|${month}`;
            const r = ratings.get(key) ?? { answers: 0, sum: 0 };
            r.answers += 1;
            r.sum += kept[q.key] as number;
            ratings.set(key, r);
          }
        return { associationId, surveyId, version: version.version, answeredOn: a.day, answers: kept };
      });
      await repo.insertAnswers(tx, rows);
      await repo.countAnswer(tx, surveyId, version.version, rows.length);
      const deltas = [...merged].map(([key, delta]) => ({ month: key.split("|")[0]!, delta }));
      for (let i = 0; i < deltas.length; i += 200)
        await repo.addToRollups(tx, associationId, surveyId, deltas.slice(i, i + 200));
      for (const [key, r] of ratings) {
        const [staffId, month] = key.split("|") as [string, string];
        await repo.rateStaff(tx, associationId, staffId, month, r.answers, r.sum);
      }
    },
  };
}
