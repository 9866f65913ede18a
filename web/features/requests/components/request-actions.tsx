import { useState } from "react";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useCancelRequest } from "../api/cancel-request.js";
import { cancellableStates } from "../labels.js";
import { Refusal } from "./feedback.js";

/**
 * Cancelling, while the request has not reached the committee: the reason is required (it is kept
 * on the request and in its history), and the step is confirmed because it cannot be undone.
 */
export function CancelForm({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const cancel = useCancelRequest(request.id);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  if (!cancellableStates.includes(request.state)) return null;
  const check = () => {
    const empty = reason.trim() === "";
    setMissing(empty);
    return !empty;
  };
  return (
    <details className="card">
      <summary className="card__title">{t("requests.cancel.title")}</summary>
      <form noValidate className="form" onSubmit={(event) => event.preventDefault()}>
        <TextAreaField
          label={t("requests.cancel.reason")}
          value={reason}
          onChange={setReason}
          error={missing ? t("requests.cancel.reasonRequired") : undefined}
        />
        <Refusal error={cancel.error} />
        <div className="form-actions">
          <ConfirmButton
            title={t("requests.cancel.confirmTitle")}
            message={t("requests.cancel.confirmMessage")}
            confirmLabel={t("requests.cancel.confirm")}
            check={check}
            disabled={cancel.isPending}
            onConfirm={() => cancel.mutate({ reason: reason.trim() })}
          >
            {t("requests.cancel.submit")}
          </ConfirmButton>
        </div>
      </form>
    </details>
  );
}
