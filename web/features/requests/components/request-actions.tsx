import { type FormEvent, useId, useState } from "react";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useCancelRequest } from "../api/cancel-request.js";
import { cancellableStates } from "../labels.js";
import { Refusal } from "./feedback.js";

/** Cancelling, with its reason, while the request has not reached the committee. */
export function CancelForm({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const ids = useId();
  const cancel = useCancelRequest(request.id);
  const [reason, setReason] = useState("");
  if (!cancellableStates.includes(request.state)) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate({ reason });
  };
  return (
    <details className="card">
      <summary className="card__title">{t("requests.cancel.title")}</summary>
      <form noValidate className="form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-reason`}>
            {t("requests.cancel.reason")}
          </label>
          <textarea
            id={`${ids}-reason`}
            className="field__input field__input--area"
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <Refusal error={cancel.error} />
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={cancel.isPending}>
            {t("requests.cancel.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
