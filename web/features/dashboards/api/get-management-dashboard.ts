import { useQuery } from "@tanstack/react-query";
import { type DashboardQuery, dashboardSchema } from "../../../../shared/contracts/dashboards.js";
import { requestJson } from "../../../lib/http.js";

/** Senior management's dashboard for a period (S3, G7). */
export function useManagementDashboard(period: DashboardQuery) {
  return useQuery({
    queryKey: ["dashboards", "management", period],
    queryFn: ({ signal }) =>
      requestJson("/api/dashboards/management", dashboardSchema, {
        signal,
        query: { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) },
      }),
  });
}
