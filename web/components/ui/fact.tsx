import type { ReactNode } from "react";

/** One labelled value inside a `<dl className="facts">`: a file's, a request's or a claim's details. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
