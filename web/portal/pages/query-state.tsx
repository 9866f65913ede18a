import type { PortalError } from "../api.js";
import { t } from "../messages.js";

/** Loading and failure, said the same way on every portal page. */
export function Loading() {
  return (
    <p role="status" className="portal-note">
      {t("portal.loading")}
    </p>
  );
}

export function Failed({ error, retry }: { error: PortalError; retry: () => void }) {
  return (
    <div role="alert" className="portal-error">
      <p>{error.text}</p>
      <button type="button" className="portal-link-button" onClick={retry}>
        {t("portal.error.retry")}
      </button>
    </div>
  );
}
