import type { Citation } from "../../../../shared/contracts/contacts.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import type { Attachments } from "../attachments.js";

/** The channel in words, and whether it came in or went out, for the inbox and the timeline. */
export function ChannelTag({
  channel,
  direction,
  directionLabel,
}: {
  channel: string;
  direction: "inbound" | "outbound";
  /** Words for the direction when it is not the beneficiary's (a letter: «وارد» / «صادر»). */
  directionLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <span className="channel-tag" data-direction={direction}>
      <span aria-hidden="true" className="channel-tag__arrow">
        {direction === "inbound" ? "↙" : "↗"}
      </span>
      {channel} · {directionLabel ?? t(`contacts.direction.${direction}`)}
    </span>
  );
}

/** The library document an answer was taken from: its title, its version, a link to that version. */
export function CitationLink({ citation, href }: { citation: Citation; href: Attachments["href"] }) {
  const { t } = useI18n();
  const link = href(citation.fileId, "library_document");
  const label = (
    <>
      <UserText>{citation.titleAr}</UserText> ({t("inbox.version")}{" "}
      <UserText>{citation.versionLabel}</UserText>)
    </>
  );
  return (
    <p className="citation">
      {t("inbox.citation")}{" "}
      {link ? (
        <a href={link} download={citation.fileName}>
          {label}
        </a>
      ) : (
        label
      )}
    </p>
  );
}
