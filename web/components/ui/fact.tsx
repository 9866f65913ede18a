import type { ReactNode } from "react";
import { UserText } from "./user-text.js";

/**
 * One labelled value inside a `<dl className="facts">`: a file's, a request's or a claim's details.
 * A plain string value is what someone typed or a code: it is isolated (`UserText`).
 */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{typeof children === "string" ? <UserText>{children}</UserText> : children}</dd>
    </div>
  );
}
