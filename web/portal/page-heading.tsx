import { type ReactNode, useEffect, useRef } from "react";
import { t } from "./messages.js";

/**
 * Every page's one heading. On arrival it names the page in the title and takes the focus, so a
 * screen reader announces where a link led (a single-page app otherwise moves silently).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t("portal.name")}`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="portal-heading">
      {children ?? title}
    </h1>
  );
}
