import type { ReactNode } from "react";

/**
 * Text someone typed (a name, a subject, a note) or a code (a phone, an ID, a reference) shown
 * inside Arabic: isolated, so a bidi control in it (U+202E…) cannot reorder the page around it
 * (CONVENTIONS §17). Words take their direction from their first strong letter; codes always read
 * left to right.
 */
export function UserText({
  children,
  code = false,
  className,
}: {
  children: ReactNode;
  /** A phone, an ID, a file or reference number, an e-mail: digits and Latin left to right. */
  code?: boolean;
  className?: string;
}) {
  if (children === null || children === undefined || children === "") return null;
  // Text with no letter at all (a phone «+966544447777», a number, a date) has no direction of its
  // own: left to «auto» it takes the page's, and an Arabic page shows «966544447777+».
  const ltr = code || (typeof children === "string" && !/\p{L}/u.test(children));
  return (
    <bdi dir={ltr ? "ltr" : "auto"} className={className}>
      {children}
    </bdi>
  );
}

/** A value, or the placeholder (e.g. «—») when there is none, isolated the same way. */
export function UserTextOr({
  value,
  fallback,
  code = false,
}: {
  value: string | null | undefined;
  fallback: ReactNode;
  code?: boolean;
}) {
  return value ? <UserText code={code}>{value}</UserText> : fallback;
}

/**
 * A translated sentence with someone's text inside it (`بواسطة {name}`): each value is its own
 * isolated element, so the sentence keeps its order whatever the value holds. `message` is the
 * template as `t(key)` gives it, placeholders untouched.
 */
export function Interpolate({ message, values }: { message: string; values: Record<string, ReactNode> }) {
  const parts = message.split(/\{(\w+)\}/g);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed template never move
          <UserText key={index}>{values[part] ?? `{${part}}`}</UserText>
        ) : (
          part
        ),
      )}
    </>
  );
}
