import { useMutation, useQueryClient } from "@tanstack/react-query";
import { importReportSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

/** The CSV's text as the body; the server validates every row and imports the good ones. */
export async function importBeneficiaries(csvText: string) {
  return requestJson("/api/beneficiaries/import", importReportSchema, {
    method: "POST",
    raw: { content: csvText, type: "text/csv; charset=utf-8" },
  });
}

export function useImportBeneficiaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importBeneficiaries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] }),
  });
}
