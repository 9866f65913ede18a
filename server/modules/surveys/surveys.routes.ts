import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { beneficiaryIdParamsSchema } from "../../../shared/contracts/beneficiaries.js";
import {
  campaignListResponseSchema,
  campaignViewSchema,
  createCampaignRequestSchema,
  followUpActionRequestSchema,
  followUpIdParamsSchema,
  followUpListResponseSchema,
  followUpViewSchema,
  myRatingSchema,
  postServiceCountsSchema,
  publicSurveySchema,
  saveSurveyRequestSchema,
  setSurveyStatusRequestSchema,
  submitSurveyRequestSchema,
  submitSurveyResponseSchema,
  surveyIdParamsSchema,
  surveyListResponseSchema,
  surveyOptOutRequestSchema,
  surveyPreferenceViewSchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySettingsSchema,
  surveyTemplateListResponseSchema,
  surveyTokenParamsSchema,
  surveyViewSchema,
} from "../../../shared/contracts/surveys.js";
import { AppError, isAppError } from "../../http/errors.js";
import { hasUnsafeCharacters } from "../../http/unsafe-input.js";
import type { FollowUpsService } from "./follow-ups.service.js";
import type { InvitationsService } from "./invitations.service.js";
import { pages, surveyPage, surveyPagePolicy } from "./surveys.page.js";
import { presentFollowUp, presentSurvey, presentSurveySummary } from "./surveys.presenter.js";
import type { SurveysService } from "./surveys.service.js";

const tags = ["surveys"];
const publicTags = ["public"];
const tokenPattern = /^[A-Za-z0-9_-]{20,80}$/;
/** A survey's answers as a form: forty questions of text at most, with room to spare. */
const formLimit = 128 * 1024;

export function surveysRoutes(deps: {
  surveys: SurveysService;
  invitations: InvitationsService;
  followUps: FollowUpsService;
}): FastifyPluginAsyncZod {
  const { surveys, invitations, followUps } = deps;
  return async (app) => {
    // ——— The builder ———
    app.get(
      "/api/surveys",
      {
        schema: {
          tags,
          summary: "The association's surveys with their counts",
          response: { 200: surveyListResponseSchema },
        },
      },
      async (request) => ({ items: (await surveys.list(request.actor())).map(presentSurveySummary) }),
    );
    app.post(
      "/api/surveys",
      {
        schema: {
          tags,
          summary: "Create a survey (a draft at version 1)",
          body: saveSurveyRequestSchema,
          response: { 201: surveyViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentSurvey(await surveys.create(request.actor(), request.body))),
    );
    app.get(
      "/api/surveys/my-rating",
      {
        schema: {
          tags,
          summary:
            "My own rating from the people I served over the last twelve months (shown over five answers)",
          response: { 200: myRatingSchema },
        },
      },
      async (request) => surveys.myRating(request.actor()),
    );
    app.get(
      "/api/surveys/post-service-counts",
      {
        schema: {
          tags,
          summary: "Post-service invitations: sent, held back by reason, reminded and answered",
          response: { 200: postServiceCountsSchema },
        },
      },
      async (request) => invitations.postServiceCounts(request.actor()),
    );
    app.get(
      "/api/surveys/:surveyId",
      {
        schema: {
          tags,
          summary: "A survey with its current version and the earlier ones",
          params: surveyIdParamsSchema,
          response: { 200: surveyViewSchema },
        },
      },
      async (request) => presentSurvey(await surveys.get(request.actor(), request.params.surveyId)),
    );
    app.put(
      "/api/surveys/:surveyId",
      {
        schema: {
          tags,
          summary: "Save a survey: rewrites an unanswered version, or starts a new version once answered",
          params: surveyIdParamsSchema,
          body: saveSurveyRequestSchema,
          response: { 200: surveyViewSchema },
        },
      },
      async (request) =>
        presentSurvey(await surveys.update(request.actor(), request.params.surveyId, request.body)),
    );
    app.post(
      "/api/surveys/:surveyId/status",
      {
        schema: {
          tags,
          summary: "Activate, return to draft or archive a survey",
          params: surveyIdParamsSchema,
          body: setSurveyStatusRequestSchema,
          response: { 200: surveyViewSchema },
        },
      },
      async (request) =>
        presentSurvey(await surveys.setStatus(request.actor(), request.params.surveyId, request.body.status)),
    );
    app.get(
      "/api/surveys/:surveyId/results",
      {
        schema: {
          tags,
          summary: "A survey's results: aggregates only; staff questions withheld under five answers",
          params: surveyIdParamsSchema,
          querystring: surveyResultsQuerySchema,
          response: { 200: surveyResultsSchema },
        },
      },
      async (request) => surveys.results(request.actor(), request.params.surveyId, request.query),
    );
    app.get(
      "/api/survey-templates",
      {
        schema: {
          tags,
          summary:
            "Starting points: a post-service survey and a periodic questionnaire, naming the policy's method",
          response: { 200: surveyTemplateListResponseSchema },
        },
      },
      async (request) => ({ items: await surveys.templates(request.actor()) }),
    );

    // ——— Settings ———
    app.get(
      "/api/survey-settings",
      {
        schema: {
          tags,
          summary: "After which services an invitation goes, and the rules that hold one back",
          response: { 200: surveySettingsSchema },
        },
      },
      async (request) => surveys.settings(request.actor()),
    );
    app.put(
      "/api/survey-settings",
      {
        schema: {
          tags,
          summary: "Set the post-service survey, its triggers, quiet days, link validity and the reminder",
          body: surveySettingsSchema,
          response: { 200: surveySettingsSchema },
        },
      },
      async (request) => surveys.saveSettings(request.actor(), request.body),
    );

    // ——— Campaigns ———
    app.post(
      "/api/survey-campaigns",
      {
        schema: {
          tags,
          summary:
            "Send a survey to an audience (everyone, a category, a service), optionally a random sample",
          body: createCampaignRequestSchema,
          response: { 201: campaignViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await invitations.createCampaign(request.actor(), request.body)),
    );
    app.get(
      "/api/survey-campaigns",
      {
        schema: {
          tags,
          summary: "Campaigns with their counts: audience, invited, held back by reason, reminded, answered",
          response: { 200: campaignListResponseSchema },
        },
      },
      async (request) => ({ items: await invitations.campaigns(request.actor()) }),
    );

    // ——— A person's choice ———
    app.get(
      "/api/beneficiaries/:beneficiaryId/survey-preference",
      {
        schema: {
          tags,
          summary: "Whether the person asked not to receive satisfaction surveys",
          params: beneficiaryIdParamsSchema,
          response: { 200: surveyPreferenceViewSchema },
        },
      },
      async (request) => invitations.preference(request.actor(), request.params.beneficiaryId),
    );
    app.put(
      "/api/beneficiaries/:beneficiaryId/survey-preference",
      {
        schema: {
          tags,
          summary: "Record that the person does (not) want satisfaction surveys",
          params: beneficiaryIdParamsSchema,
          body: surveyOptOutRequestSchema,
          response: { 200: surveyPreferenceViewSchema },
        },
      },
      async (request) =>
        invitations.setPreference(request.actor(), request.params.beneficiaryId, request.body.optedOut),
    );

    // ——— Follow-ups ———
    app.get(
      "/api/survey-follow-ups",
      {
        schema: {
          tags,
          summary: "Answers whose respondent allowed contact, with a low score or written text",
          response: { 200: followUpListResponseSchema },
        },
      },
      async (request) => ({ items: (await followUps.list(request.actor())).map(presentFollowUp) }),
    );
    app.post(
      "/api/survey-follow-ups/:followUpId/actions",
      {
        schema: {
          tags,
          summary: "Act on a follow-up: make a complaint, assign a task, mark the task done, or close it",
          params: followUpIdParamsSchema,
          body: followUpActionRequestSchema,
          response: { 200: followUpViewSchema },
        },
      },
      async (request) =>
        presentFollowUp(await followUps.act(request.actor(), request.params.followUpId, request.body)),
    );

    // ——— The public survey, no account: the JSON API ———
    app.get(
      "/api/public/surveys/:token",
      {
        config: { access: "public" },
        schema: {
          tags: publicTags,
          summary: "The survey behind a personal link (409 once answered; 404 when unknown or expired)",
          params: surveyTokenParamsSchema,
          response: { 200: publicSurveySchema },
        },
      },
      async (request) => {
        const survey = await invitations.publicSurvey(request.params.token);
        return { ...survey, expiresAt: survey.expiresAt.toISOString() };
      },
    );
    app.post(
      "/api/public/surveys/:token",
      {
        config: { access: "public" },
        bodyLimit: formLimit,
        schema: {
          tags: publicTags,
          summary: "Answer the survey once; the answer is kept apart from the link (ADR 0027)",
          params: surveyTokenParamsSchema,
          body: submitSurveyRequestSchema,
          response: { 201: submitSurveyResponseSchema },
        },
      },
      async (request, reply) => {
        await invitations.submit(request.params.token, request.body);
        return reply.status(201).send({ received: true as const });
      },
    );

    // ——— The public survey as a page (server-rendered, no web app) ———
    await app.register(async (pagesApp) => {
      pagesApp.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string", bodyLimit: formLimit },
        (_request, body, done) => done(null, body),
      );
      const html = (reply: FastifyReply, status: number, body: string) =>
        reply
          .status(status)
          .header("content-security-policy", surveyPagePolicy)
          .header("cache-control", "no-store")
          .header("referrer-policy", "no-referrer")
          .type("text/html; charset=utf-8")
          .send(body);
      const tokenOf = (request: FastifyRequest) => (request.params as { token?: string }).token ?? "";
      const failure = (reply: FastifyReply, error: unknown) => {
        if (!isAppError(error)) throw error;
        const code = error.details.fieldErrors?.[0]?.code;
        if (code === "already_answered") return html(reply, 409, pages.answered());
        if (code === "link_invalid") return html(reply, 404, pages.invalid());
        throw error;
      };
      /** A form from this page only: a browser posting from elsewhere names another origin. */
      const sameOrigin = (request: FastifyRequest) => {
        const origin = request.headers.origin;
        if (!origin || origin === "null") return true;
        try {
          return new URL(origin).host === request.headers.host;
        } catch {
          return false;
        }
      };

      pagesApp.get(
        "/s/:token",
        { config: { access: "public" }, schema: { hide: true } },
        async (request, reply) => {
          const token = tokenOf(request);
          if (!tokenPattern.test(token)) return html(reply, 404, pages.invalid());
          try {
            return html(reply, 200, surveyPage(token, await invitations.publicSurvey(token)));
          } catch (error) {
            return failure(reply, error);
          }
        },
      );

      pagesApp.post(
        "/s/:token",
        { config: { access: "public" }, schema: { hide: true } },
        async (request, reply) => {
          const token = tokenOf(request);
          if (!tokenPattern.test(token)) return html(reply, 404, pages.invalid());
          if (!sameOrigin(request)) throw new AppError("csrf_failed", "cross-site survey form");
          const form = new URLSearchParams(typeof request.body === "string" ? request.body : "");
          const answers: Record<string, string | string[]> = {};
          let unsafe = false;
          for (const [name, value] of form) {
            if (hasUnsafeCharacters(value)) unsafe = true;
            if (!name.startsWith("q_")) continue;
            const key = name.slice(2);
            const before = answers[key];
            answers[key] =
              before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
          }
          try {
            const survey = await invitations.publicSurvey(token);
            // A multiple-choice question sends one field per ticked box: always a list.
            for (const q of survey.questions)
              if (q.kind === "multiple_choice" && typeof answers[q.key] === "string")
                answers[q.key] = [answers[q.key] as string];
            if (unsafe) return html(reply, 400, surveyPage(token, survey, new Map([["", "unsafe"]])));
            try {
              await invitations.submit(token, { answers, allowContact: form.get("allowContact") === "1" });
            } catch (error) {
              if (isAppError(error) && error.code === "validation_failed") {
                const errors = new Map(
                  (error.details.fieldErrors ?? []).map((e) => [
                    e.path.replace(/^answers\./, ""),
                    e.message.ar,
                  ]),
                );
                return html(reply, 400, surveyPage(token, survey, errors));
              }
              throw error;
            }
            return html(reply, 200, pages.thanks());
          } catch (error) {
            return failure(reply, error);
          }
        },
      );

      pagesApp.post(
        "/s/:token/opt-out",
        { config: { access: "public" }, schema: { hide: true } },
        async (request, reply) => {
          const token = tokenOf(request);
          if (!tokenPattern.test(token)) return html(reply, 404, pages.invalid());
          if (!sameOrigin(request)) throw new AppError("csrf_failed", "cross-site survey form");
          try {
            await invitations.optOutByLink(token);
            return html(reply, 200, pages.optedOut());
          } catch (error) {
            return failure(reply, error);
          }
        },
      );
    });
  };
}
