import { type ReactNode, useId } from "react";
import { Link, useParams } from "react-router";
import type { FileKind } from "../../../../shared/contracts/access.js";
import { channelNames } from "../../../../shared/contracts/channels.js";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useRequest } from "../api/get-request.js";
import { lifeSteps, outcomeLabels, stateLabels } from "../labels.js";
import { formatRiyals } from "../money.js";
import { DeclarationSection } from "./declaration-section.js";
import { DeliveriesSection } from "./deliveries-section.js";
import { DataSection, DocumentsSection } from "./documents-section.js";
import { DueDate } from "./due-date.js";
import { ReferralsSection } from "./referrals-section.js";
import { CancelForm } from "./request-actions.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

export type Person = { id: string; name: string };

export type RequestPermissions = {
  edit: boolean;
  refer: boolean;
  declare: boolean;
  cancel: boolean;
  deliver: boolean;
  close: boolean;
};

export type RequestPageProps = {
  /** What the signed-in member's roles allow; the page still asks the state (the server decides). */
  may: RequestPermissions;
  /** The signed-in member: the owner of a referral records its study and outcome. */
  userId: string;
  /** Staff holding the role requests are referred to; empty when the staff list cannot be read. */
  referralOwners: readonly Person[];
  upload: (file: File) => Promise<{ id: string; name: string }>;
  /** Where to download a file, or null when the reader's role may not open this kind. */
  href: (fileId: string, kind: FileKind) => string | null;
  /** What the beneficiary was told about this request, composed in from the notifications feature. */
  notices?: (requestId: string) => ReactNode;
};

/** One support request through its whole life, on one screen (SPEC H1–H8). */
export function RequestPage(props: RequestPageProps) {
  const { requestId = "" } = useParams();
  const { t, errorText } = useI18n();
  const query = useRequest(requestId);
  const request = query.data;
  if (query.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (!request) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(query.error)}
      </div>
    );
  }
  return <RequestLife request={request} {...props} />;
}

function RequestLife({
  request,
  may,
  userId,
  referralOwners,
  upload,
  href,
  notices,
}: RequestPageProps & { request: RequestView }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const missing = request.completeness.items.filter((item) => item.status !== "present");
  const decision = request.decision;

  return (
    <section className="page request-page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/requests">{t("requests.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("requests.page.title", { service: request.service.nameAr })}{" "}
          <bdi dir="ltr" className="muted">
            {request.referenceNumber}
          </bdi>
        </h1>
        <p className="page__lead">
          <Link to={`/beneficiaries/${request.beneficiary.id}`}>
            <UserText>{request.beneficiary.fullName}</UserText>
          </Link>
        </p>
      </header>

      <Stepper request={request} />

      <section className="card" aria-labelledby={`${ids}-about`}>
        <h2 id={`${ids}-about`} className="card__title">
          {t("requests.page.about")}
        </h2>
        <dl className="facts facts--grid">
          <Fact label={t("requests.column.state")}>
            <span className="state-chip" data-state={request.state} data-testid="request-state">
              {t(stateLabels[request.state])}
            </span>
          </Fact>
          <Fact label={t("requests.open.channel")}>{channelNames[request.channel][locale]}</Fact>
          <Fact label={t("requests.column.opened")}>
            <DualDate value={request.openedAt} withTime /> — {request.openedBy.fullName}
          </Fact>
          <Fact label={t("requests.page.completedAt")}>
            {request.completedAt ? <DualDate value={request.completedAt} withTime /> : "—"}
          </Fact>
          <Fact label={t("requests.column.due")}>
            <DueDate due={request.due} />
          </Fact>
        </dl>
      </section>

      <section className="card missing" aria-labelledby={`${ids}-missing`}>
        <h2 id={`${ids}-missing`} className="card__title">
          {t("requests.missing.title")}
        </h2>
        {missing.length === 0 ? (
          <p className="success">{t("requests.missing.none")}</p>
        ) : (
          <ul className="missing__list" aria-label={t("requests.missing.title")}>
            {missing.map((item) => (
              <li key={item.code}>{item.message ? item.message[locale] : item.label[locale]}</li>
            ))}
          </ul>
        )}
      </section>

      <DataSection request={request} canEdit={may.edit} />
      <DocumentsSection request={request} canEdit={may.edit} upload={upload} href={href} />
      <ReferralsSection request={request} canRefer={may.refer} userId={userId} owners={referralOwners} />
      <DeclarationSection request={request} canDeclare={may.declare} upload={upload} />
      {notices ? notices(request.id) : null}

      {decision ? (
        <section className="card" aria-labelledby={`${ids}-decision`}>
          <h2 id={`${ids}-decision`} className="card__title">
            {t("requests.decision.title")}
          </h2>
          <dl className="facts facts--grid">
            <Fact label={t("requests.decision.outcome")}>
              <span className="state-chip" data-state={decision.outcome}>
                {t(outcomeLabels[decision.outcome])}
              </span>
            </Fact>
            <Fact label={t("requests.decision.amount")}>
              {decision.approvedAmount === null ? "—" : formatRiyals(decision.approvedAmount, locale)}
            </Fact>
            <Fact label={t("requests.decision.at")}>
              <DualDate value={decision.decidedAt} withTime />
            </Fact>
          </dl>
          <p className="pre-line">
            <UserText>{decision.reasons}</UserText>
          </p>
        </section>
      ) : null}

      <DeliveriesSection request={request} canDeliver={may.deliver} canClose={may.close} />
      {may.cancel ? <CancelForm request={request} /> : null}
    </section>
  );
}

function Stepper({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const reached = lifeSteps.findIndex((step) => (step.states as readonly string[]).includes(request.state));
  return (
    <nav aria-label={t("requests.step.label")}>
      <ol className="stepper">
        {lifeSteps.map((step, index) => {
          const status =
            reached === -1 ? "off" : index < reached ? "done" : index === reached ? "current" : "next";
          return (
            <li
              key={step.key}
              className="stepper__step"
              data-status={status}
              aria-current={status === "current" ? "step" : undefined}
            >
              <span className="stepper__dot" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stepper__label">
                {status === "current" ? t(stateLabels[request.state]) : t(step.key)}
              </span>
            </li>
          );
        })}
      </ol>
      {request.cancellation ? (
        <div className="alert alert--error" role="note" data-testid="cancellation">
          <p>{t("requests.cancel.done")}</p>
          <dl className="facts facts--grid">
            <Fact label={t("requests.cancel.reason")}>
              <UserText>{request.cancellation.reason}</UserText>
            </Fact>
            <Fact label={t("requests.cancel.at")}>
              <DualDate value={request.cancellation.at} withTime />
            </Fact>
          </dl>
        </div>
      ) : request.state === "cancelled" ? (
        <p className="alert alert--error">{t("requests.state.cancelled")}</p>
      ) : null}
    </nav>
  );
}
