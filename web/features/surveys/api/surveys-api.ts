import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { categoryListResponseSchema } from "../../../../shared/contracts/beneficiaries.js";
import { serviceListResponseSchema } from "../../../../shared/contracts/services.js";
import {
  type CreateCampaignRequest,
  campaignListResponseSchema,
  campaignViewSchema,
  type FollowUpActionRequest,
  followUpListResponseSchema,
  followUpViewSchema,
  myRatingSchema,
  postServiceCountsSchema,
  type SaveSurveyRequest,
  type SurveySettings,
  surveyListResponseSchema,
  surveyPreferenceViewSchema,
  surveyResultsSchema,
  surveySettingsSchema,
  type surveyStatusSchema,
  surveyTemplateListResponseSchema,
  surveyViewSchema,
} from "../../../../shared/contracts/surveys.js";
import { requestJson } from "../../../lib/http.js";

const path = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

/** The association's surveys, each at its current version, with invitations and answers counted. */
export function useSurveys() {
  return useQuery({
    queryKey: ["surveys", "list"],
    queryFn: ({ signal }) => requestJson("/api/surveys", surveyListResponseSchema, { signal }),
  });
}

/** Starting points from the satisfaction methods of the approved policy. */
export function useSurveyTemplates() {
  return useQuery({
    queryKey: ["surveys", "templates"],
    queryFn: ({ signal }) =>
      requestJson("/api/survey-templates", surveyTemplateListResponseSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSurvey(surveyId: string) {
  return useQuery({
    queryKey: ["surveys", "survey", surveyId],
    queryFn: ({ signal }) => requestJson(path(surveyId), surveyViewSchema, { signal }),
    enabled: surveyId !== "",
  });
}

/** Creates a survey, or saves one (a new version when its current one has answers). */
export function useSaveSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SaveSurveyRequest & { id?: string | undefined }) =>
      requestJson(id ? path(id) : "/api/surveys", surveyViewSchema, { method: id ? "PUT" : "POST", body }),
    onSuccess: (survey) => {
      queryClient.setQueryData(["surveys", "survey", survey.id], survey);
      return queryClient.invalidateQueries({ queryKey: ["surveys", "list"] });
    },
  });
}

export function useSetSurveyStatus(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: (typeof surveyStatusSchema.options)[number]) =>
      requestJson(`${path(surveyId)}/status`, surveyViewSchema, { method: "POST", body: { status } }),
    onSuccess: (survey) => {
      queryClient.setQueryData(["surveys", "survey", survey.id], survey);
      return queryClient.invalidateQueries({ queryKey: ["surveys"] });
    },
  });
}

export type ResultsPeriod = { from?: string | undefined; to?: string | undefined };

/** A survey's results over a period: aggregates only. */
export function useSurveyResults(surveyId: string, period: ResultsPeriod) {
  return useQuery({
    queryKey: ["surveys", "results", surveyId, period],
    queryFn: ({ signal }) =>
      requestJson(`${path(surveyId)}/results`, surveyResultsSchema, { query: period, signal }),
  });
}

/** What became of the post-service invitations: sent, held back by reason, reminded, answered. */
export function usePostServiceCounts(enabled: boolean) {
  return useQuery({
    queryKey: ["surveys", "post-service-counts"],
    queryFn: ({ signal }) =>
      requestJson("/api/surveys/post-service-counts", postServiceCountsSchema, { signal }),
    enabled,
  });
}

/** The signed-in employee's own rating (shown over five answers or more). */
export function useMyRating() {
  return useQuery({
    queryKey: ["surveys", "my-rating"],
    queryFn: ({ signal }) => requestJson("/api/surveys/my-rating", myRatingSchema, { signal }),
  });
}

export function useSurveySettings() {
  return useQuery({
    queryKey: ["surveys", "settings"],
    queryFn: ({ signal }) => requestJson("/api/survey-settings", surveySettingsSchema, { signal }),
  });
}

export function useSaveSurveySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveySettings) =>
      requestJson("/api/survey-settings", surveySettingsSchema, { method: "PUT", body }),
    onSuccess: (settings) => queryClient.setQueryData(["surveys", "settings"], settings),
  });
}

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ["surveys", "campaigns"],
    queryFn: ({ signal }) => requestJson("/api/survey-campaigns", campaignListResponseSchema, { signal }),
    enabled,
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignRequest) =>
      requestJson("/api/survey-campaigns", campaignViewSchema, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }),
  });
}

export function useFollowUps() {
  return useQuery({
    queryKey: ["surveys", "follow-ups"],
    queryFn: ({ signal }) => requestJson("/api/survey-follow-ups", followUpListResponseSchema, { signal }),
  });
}

/** A complaint made, a task assigned or done, or the follow-up closed with a note. */
export function useFollowUpAction(followUpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpActionRequest) =>
      requestJson(`/api/survey-follow-ups/${encodeURIComponent(followUpId)}/actions`, followUpViewSchema, {
        method: "POST",
        body,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["surveys", "follow-ups"] });
      await queryClient.invalidateQueries({ queryKey: ["my-work"] });
    },
  });
}

const preferencePath = (beneficiaryId: string) =>
  `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/survey-preference`;

/** Whether the person wants satisfaction surveys. */
export function useSurveyPreference(beneficiaryId: string) {
  return useQuery({
    queryKey: ["surveys", "preference", beneficiaryId],
    queryFn: ({ signal }) =>
      requestJson(preferencePath(beneficiaryId), surveyPreferenceViewSchema, { signal }),
  });
}

export function useSetSurveyPreference(beneficiaryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (optedOut: boolean) =>
      requestJson(preferencePath(beneficiaryId), surveyPreferenceViewSchema, {
        method: "PUT",
        body: { optedOut },
      }),
    onSuccess: (preference) => queryClient.setQueryData(["surveys", "preference", beneficiaryId], preference),
  });
}

/** A campaign's audience is chosen from the beneficiary categories and the service catalogue as they are. */
export function useAudienceCategories() {
  return useQuery({
    queryKey: ["surveys", "audience", "categories"],
    queryFn: ({ signal }) =>
      requestJson("/api/beneficiary-categories", categoryListResponseSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useAudienceServices() {
  return useQuery({
    queryKey: ["surveys", "audience", "services"],
    queryFn: ({ signal }) => requestJson("/api/services", serviceListResponseSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}
