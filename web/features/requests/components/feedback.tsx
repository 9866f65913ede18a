import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";

/**
 * The reason to show for a refusal as the server words it: the field it names (an illegal move's
 * Arabic reason, an expired document) or else its general message.
 */
export function useReason() {
  const { locale, errorText } = useI18n();
  return (error: unknown) => {
    if (isApiError(error) && error.fieldErrors[0]) return error.fieldErrors[0].message[locale];
    return errorText(error);
  };
}

/** A live region that is always there, so a screen reader hears the refusal when it comes. */
export function Refusal({ error }: { error: unknown }) {
  const reason = useReason();
  return (
    <div role="alert" className={error ? "alert alert--error" : "visually-hidden"}>
      {error ? reason(error) : null}
    </div>
  );
}
