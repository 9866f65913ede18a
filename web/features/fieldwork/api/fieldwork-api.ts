import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  checklistListResponseSchema,
  checklistViewSchema,
  fieldActionViewSchema,
  fieldPeopleResponseSchema,
  fieldVisitListResponseSchema,
  fieldVisitViewSchema,
  type RecordVisitRequest,
  type SaveChecklistRequest,
} from "../../../../shared/contracts/fieldwork.js";
import { requestJson } from "../../../lib/http.js";

/** The association's checklists for visits, each at its current version. */
export function useChecklists() {
  return useQuery({
    queryKey: ["field", "checklists"],
    queryFn: ({ signal }) => requestJson("/api/field/checklists", checklistListResponseSchema, { signal }),
  });
}

export function useSaveChecklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SaveChecklistRequest & { id?: string }) =>
      requestJson(id ? `/api/field/checklists/${id}` : "/api/field/checklists", checklistViewSchema, {
        method: id ? "PUT" : "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["field", "checklists"] }),
  });
}

/** Staff who may take part in a visit or own a follow-up action. */
export function useFieldPeople() {
  return useQuery({
    queryKey: ["field", "people"],
    queryFn: ({ signal }) => requestJson("/api/field/people", fieldPeopleResponseSchema, { signal }),
  });
}

export type VisitFilter = { kind?: string | undefined; from?: string | undefined; to?: string | undefined };

export function useFieldVisits(filter: VisitFilter) {
  return useQuery({
    queryKey: ["field", "visits", filter],
    queryFn: ({ signal }) =>
      requestJson("/api/field/visits", fieldVisitListResponseSchema, { query: filter, signal }),
  });
}

export function useFieldVisit(visitId: string) {
  return useQuery({
    queryKey: ["field", "visit", visitId],
    queryFn: ({ signal }) =>
      requestJson(`/api/field/visits/${encodeURIComponent(visitId)}`, fieldVisitViewSchema, { signal }),
  });
}

export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordVisitRequest) =>
      requestJson("/api/field/visits", fieldVisitViewSchema, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["field"] }),
  });
}

/** «تم»: the action is done; the visit, the lists and «عملي» follow. */
export function useMarkActionDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (actionId: string) =>
      requestJson(`/api/field/actions/${encodeURIComponent(actionId)}/done`, fieldActionViewSchema, {
        method: "POST",
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["field"] });
      await queryClient.invalidateQueries({ queryKey: ["my-work"] });
    },
  });
}
