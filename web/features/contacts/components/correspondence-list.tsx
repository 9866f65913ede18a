import { Link } from "react-router";
import type { CorrespondenceView } from "../../../../shared/contracts/contacts.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import type { Attachments } from "../attachments.js";
import { correspondenceDirectionLabels, correspondenceMediumLabels } from "../labels.js";

type CorrespondenceListProps = {
  items: readonly CorrespondenceView[];
  href: Attachments["href"];
  /** On a beneficiary's file the link back to the same file says nothing. */
  showBeneficiary?: boolean;
  label: string;
};

/** The register as a table: our reference number first, as it is written on the letter. */
export function CorrespondenceList({ items, href, showBeneficiary = true, label }: CorrespondenceListProps) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table correspondence-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t("correspondence.column.reference")}</th>
            <th scope="col">{t("correspondence.column.kind")}</th>
            <th scope="col">{t("correspondence.column.counterpart")}</th>
            <th scope="col">{t("correspondence.column.subject")}</th>
            <th scope="col">{t("correspondence.column.datedOn")}</th>
            <th scope="col">{t("correspondence.column.registeredAt")}</th>
            <th scope="col">{t("correspondence.column.scan")}</th>
            {showBeneficiary ? <th scope="col">{t("correspondence.column.beneficiary")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((letter) => (
            <tr key={letter.id} data-reference={letter.referenceNumber}>
              <td>
                <bdi dir="ltr" className="reference-number">
                  {letter.referenceNumber}
                </bdi>
                {letter.externalReference ? (
                  <p className="muted">
                    {t("correspondence.theirReference")} <bdi dir="ltr">{letter.externalReference}</bdi>
                  </p>
                ) : null}
              </td>
              <td>
                {t(correspondenceDirectionLabels[letter.direction])} ·{" "}
                {t(correspondenceMediumLabels[letter.medium])}
              </td>
              <td>
                <UserText>{letter.counterpart}</UserText>
              </td>
              <td>
                <UserText>{letter.subject}</UserText>
              </td>
              <td>{letter.datedOn ? <CalendarDate value={letter.datedOn} /> : t("beneficiaries.none")}</td>
              <td>
                <DualDate value={letter.registeredAt} />
                <p className="muted">
                  <UserText>{letter.recordedBy.fullName}</UserText>
                </p>
              </td>
              <td>
                {letter.file && href(letter.file.id, "correspondence_scan") ? (
                  <a
                    href={href(letter.file.id, "correspondence_scan") ?? undefined}
                    download={letter.file.name}
                  >
                    <bdi>{letter.file.name}</bdi>
                  </a>
                ) : letter.file ? (
                  <span>
                    <bdi>{letter.file.name}</bdi> — <Withheld />
                  </span>
                ) : (
                  t("beneficiaries.none")
                )}
              </td>
              {showBeneficiary ? (
                <td>
                  {letter.beneficiaryId ? (
                    <Link to={`/beneficiaries/${letter.beneficiaryId}`}>{t("correspondence.openFile")}</Link>
                  ) : (
                    t("beneficiaries.none")
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
