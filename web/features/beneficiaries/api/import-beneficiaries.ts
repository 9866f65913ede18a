import { useMutation, useQueryClient } from "@tanstack/react-query";
import { importReportSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

/**
 * The CSV's text or the Excel workbook's bytes as the body; the server validates every row and
 * imports the good ones.
 */
export async function importBeneficiaries(file: { content: Blob | string; type: string }) {
  return requestJson("/api/beneficiaries/import", importReportSchema, { method: "POST", raw: file });
}

export function useImportBeneficiaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importBeneficiaries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] }),
  });
}
