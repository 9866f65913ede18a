import { useEffect, useState } from "react";
import type { LocalizedText } from "../../../shared/contracts/errors.js";

type Estimator = typeof import("../../../shared/domain/password-strength.js");

let loading: Promise<Estimator> | undefined;

/** The estimator and its dictionaries (about a megabyte) load only on the pages that set a password. */
function loadEstimator(): Promise<Estimator> {
  loading ??= import("../../../shared/domain/password-strength.js");
  return loading;
}

export type PasswordFeedback =
  | { state: "empty" }
  | { state: "checking" }
  | { state: "strong" }
  /** Worded by the same catalogue the server answers with, so the page and the refusal agree. */
  | { state: "weak"; message: LocalizedText };

/**
 * The same judgement the server makes, shown while the person types so a refusal is never a
 * surprise. The server still decides: it has the association's names, which this page may not.
 */
export function usePasswordFeedback(
  password: string,
  person: { email?: string; fullName?: string; association?: string[] },
): PasswordFeedback {
  const [feedback, setFeedback] = useState<PasswordFeedback>({ state: "empty" });
  const { email, fullName } = person;
  const association = (person.association ?? []).join("\n");
  useEffect(() => {
    if (!password) {
      setFeedback({ state: "empty" });
      return;
    }
    let current = true;
    setFeedback({ state: "checking" });
    // A short pause: judge what was typed, not every keystroke on the way.
    const timer = window.setTimeout(() => {
      loadEstimator().then(({ judgePassword, personalWords, passwordWeaknessMessages }) => {
        if (!current) return;
        const words = personalWords({ email, fullName, association: association.split("\n") });
        const verdict = judgePassword(password, words);
        setFeedback(
          verdict.acceptable
            ? { state: "strong" }
            : { state: "weak", message: passwordWeaknessMessages[verdict.weakness] },
        );
      });
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [password, email, fullName, association]);
  return feedback;
}
