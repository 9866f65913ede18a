import { Link } from "react-router";
import type { PolicyVersionView } from "../../../../shared/contracts/policy.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Interpolate } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useCurrentPolicy } from "../api/get-current-policy.js";
import { policyPdfHref, printedPolicyHref, usePolicyVersion } from "../api/get-policy-version.js";
import { usePolicyVersions } from "../api/list-policy-versions.js";
import { hijriWords, localDigits, statusLabels } from "../labels.js";
import { BoardApprovalBlock, PolicyDocument } from "./policy-document.js";

type PolicyPageProps = {
  /** Where the library's documents for a handling step are listed. */
  stepHref?: (index: number) => string;
};

function versionName(
  version: { versionNumber: number | null },
  t: ReturnType<typeof useI18n>["t"],
  locale: "ar" | "en",
) {
  return version.versionNumber === null
    ? t("policy.status.draft")
    : t("policy.versionNumber", { n: localDigits(String(version.versionNumber), locale) });
}

/** One version, read: its status, the print and PDF links, the content and the board's resolution. */
function PolicyVersionBody({
  version,
  stepHref,
}: {
  version: PolicyVersionView;
  stepHref?: PolicyPageProps["stepHref"];
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="policy-meta">
        <span className={`policy-status policy-status--${version.status}`}>
          {t(statusLabels[version.status])}
        </span>
        <span className="policy-meta__version">{versionName(version, t, locale)}</span>
        {version.approval ? (
          <span className="muted">
            {t("policy.approvedOn", { date: hijriWords(version.approval.hijriDate, locale) })}
          </span>
        ) : null}
        <span className="policy-meta__links">
          <a
            className="button button--secondary"
            href={printedPolicyHref(version.id)}
            target="_blank"
            rel="noopener"
          >
            {t("policy.print")}
          </a>
          <a className="button button--quiet" href={policyPdfHref(version.id)} target="_blank" rel="noopener">
            <Interpolate message={t("policy.pdf")} values={{ pdf: "PDF" }} />
          </a>
        </span>
      </div>
      {version.status === "superseded" ? <p className="notice">{t("policy.supersededNotice")}</p> : null}
      <PolicyDocument
        content={version.content}
        stepHref={version.status === "approved" ? stepHref : undefined}
      />
      {version.approval ? <BoardApprovalBlock approval={version.approval} /> : null}
    </>
  );
}

/** «السياسة»: the policy in force for everyone to read, with its earlier versions. */
export function PolicyPage({ stepHref }: PolicyPageProps) {
  const { t, errorText } = useI18n();
  const current = useCurrentPolicy();
  return (
    <section className="page policy-page" aria-labelledby="policy-title">
      <header className="page__header">
        <h1 id="policy-title" className="page__title">
          {t("policy.title")}
        </h1>
        <p className="page__lead">{t("policy.intro")}</p>
      </header>
      {current.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {current.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(current.error)}
        </div>
      ) : null}
      {current.isSuccess && current.data === null ? <p className="empty">{t("policy.none")}</p> : null}
      {current.data ? <PolicyVersionBody version={current.data} stepHref={stepHref} /> : null}
      <VersionHistory />
    </section>
  );
}

/** A version read on its own page: a superseded one stays readable (P2). */
export function PolicyVersionPage({ versionId }: { versionId: string }) {
  const { t, errorText, locale } = useI18n();
  const version = usePolicyVersion(versionId);
  return (
    <section className="page policy-page" aria-labelledby="policy-version-title">
      <header className="page__header">
        <p>
          <Link to="/policy">{t("policy.backToPolicy")}</Link>
        </p>
        <h1 id="policy-version-title" className="page__title">
          {version.data
            ? `${t("policy.title")} — ${versionName(version.data, t, locale)}`
            : t("policy.title")}
        </h1>
      </header>
      {version.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {version.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(version.error)}
        </div>
      ) : null}
      {version.data ? <PolicyVersionBody version={version.data} /> : null}
    </section>
  );
}

function VersionHistory() {
  const { t, locale } = useI18n();
  const versions = usePolicyVersions();
  const approved = (versions.data?.items ?? []).filter((version) => version.status !== "draft");
  if (approved.length === 0) return null;
  return (
    <section className="card" aria-labelledby="policy-history-title">
      <h2 id="policy-history-title" className="card__title">
        {t("policy.history.title")}
      </h2>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("policy.history.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("policy.history.version")}</th>
              <th scope="col">{t("policy.history.status")}</th>
              <th scope="col">{t("policy.history.approvedOn")}</th>
              <th scope="col">{t("policy.history.supersededAt")}</th>
            </tr>
          </thead>
          <tbody>
            {approved.map((version) => (
              <tr key={version.id} data-status={version.status}>
                <th scope="row">
                  <Link to={`/policy/versions/${version.id}`}>{versionName(version, t, locale)}</Link>
                </th>
                <td>{t(statusLabels[version.status])}</td>
                <td>{version.hijriDate ? hijriWords(version.hijriDate, locale) : "—"}</td>
                <td>{version.supersededAt ? <DualDate value={version.supersededAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
