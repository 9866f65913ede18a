import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { importProgressSchema, importReportSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

/**
 * The CSV's text or the Excel workbook's bytes as the body; the server validates every row and
 * imports the good ones. `progressId`, chosen here, lets the page follow the rows while it runs.
 */
export async function importBeneficiaries(file: {
  content: Blob | string;
  type: string;
  progressId: string;
}) {
  return requestJson("/api/beneficiaries/import", importReportSchema, {
    method: "POST",
    raw: { content: file.content, type: file.type },
    query: { progressId: file.progressId },
  });
}

export function useImportBeneficiaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importBeneficiaries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] }),
  });
}

export async function getImportProgress(id: string, signal?: AbortSignal) {
  return requestJson(`/api/beneficiary-imports/${encodeURIComponent(id)}`, importProgressSchema, { signal });
}

/** Rows processed of the total, polled while the import runs (the first poll may precede the start). */
export function useImportProgress(id: string | null, running: boolean) {
  return useQuery({
    queryKey: ["beneficiaries", "import", id],
    queryFn: ({ signal }) => getImportProgress(id ?? "", signal),
    enabled: id !== null && running,
    refetchInterval: running ? 700 : false,
    retry: false,
  });
}
