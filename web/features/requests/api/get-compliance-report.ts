import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { complianceReportSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export type CompliancePeriod = { from?: string; to?: string };

export async function getComplianceReport(period: CompliancePeriod, signal?: AbortSignal) {
  return requestJson("/api/reports/response-compliance", complianceReportSchema, {
    query: { from: period.from, to: period.to },
    signal,
  });
}

/** Share of requests answered within the response period, over those due in the period (H7). */
export function useComplianceReport(period: CompliancePeriod) {
  return useQuery({
    queryKey: ["support-requests", "compliance", period],
    queryFn: ({ signal }) => getComplianceReport(period, signal),
    placeholderData: keepPreviousData,
  });
}
