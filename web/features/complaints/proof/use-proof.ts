import { useEffect, useState } from "react";
import type { ComplaintChallenge } from "../../../../shared/contracts/complaints.js";
import { solveChallenge } from "./solve-challenge.js";

export type Proof =
  | { state: "idle" }
  | { state: "solving" }
  | { state: "ready"; payload: string; challenge: ComplaintChallenge }
  | { state: "failed" };

/** Solves each new challenge as soon as it arrives, while the person is still writing. */
export function useProof(challenge: ComplaintChallenge | undefined): Proof {
  const [proof, setProof] = useState<Proof>({ state: "idle" });
  useEffect(() => {
    if (!challenge) {
      setProof({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setProof({ state: "solving" });
    solveChallenge(challenge, controller.signal).then(
      (payload) => setProof({ state: "ready", payload, challenge }),
      () => {
        if (!controller.signal.aborted) setProof({ state: "failed" });
      },
    );
    return () => controller.abort();
  }, [challenge]);
  return proof;
}

/** A challenge about to expire is replaced before it is sent, not refused after. */
export function expiresSoon(challenge: ComplaintChallenge, now = Date.now()): boolean {
  return challenge.parameters.data.expires * 1000 - now < 60_000;
}
