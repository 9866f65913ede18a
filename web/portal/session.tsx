import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { PortalMe } from "../../shared/contracts/portal.js";
import { PortalError, portalApi } from "./api.js";

type SessionState =
  | { status: "loading" }
  | { status: "signed_out"; notice?: "signed_out" }
  | { status: "signed_in"; me: PortalMe }
  | { status: "failed"; error: PortalError };

type SessionValue = {
  state: SessionState;
  signedIn(me: PortalMe): void;
  signOut(): Promise<void>;
  reload(): void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** Whether someone is signed in to the portal: asked of /api/portal/me once, then kept here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again after a failure.
  useEffect(() => {
    let live = true;
    portalApi
      .me()
      .then((me) => live && setState({ status: "signed_in", me }))
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof PortalError && error.status === 401) setState({ status: "signed_out" });
        else setState({ status: "failed", error: error as PortalError });
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: PortalMe) => setState({ status: "signed_in", me }), []);
  const signOut = useCallback(async () => {
    await portalApi.signOut().catch(() => {
      // An ended or expired session is signed out all the same.
    });
    setState({ status: "signed_out", notice: "signed_out" });
  }, []);
  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, reload }), [state, signedIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside <SessionProvider>");
  return value;
}

/** A signed-in page's call: loading, failed (a lapsed session sends the person back to sign in), done. */
export function usePortalData<T>(load: () => Promise<T>, key: string) {
  const { reload: reloadSession } = useSession();
  const [result, setResult] = useState<
    { status: "loading" } | { status: "done"; data: T } | { status: "failed"; error: PortalError }
  >({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    let live = true;
    setResult({ status: "loading" });
    load()
      .then((data) => live && setResult({ status: "done", data }))
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof PortalError && error.status === 401) reloadSession();
        else setResult({ status: "failed", error: error as PortalError });
      });
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return { result, retry: () => setAttempt((n) => n + 1) };
}
