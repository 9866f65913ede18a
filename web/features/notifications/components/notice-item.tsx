import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { channelNames, type NotificationChannel } from "../../../../shared/contracts/channels.js";
import type { NoticeView } from "../../../../shared/contracts/notifications.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useMarkNoticeDone } from "../api/mark-notice-done.js";
import { useRetryNotice } from "../api/retry-notice.js";
import { useSwitchNotice } from "../api/switch-notice.js";
import { noticeReasonLabels, noticeStatusLabels } from "../labels.js";

/** Where a notice's subject is read: the request or the complaint it is about. */
function aboutHref(notice: NoticeView): string | null {
  if (notice.about?.type === "support_request") return `/requests/${notice.about.id}`;
  if (notice.about?.type === "complaint") return `/complaints/${notice.about.id}`;
  return null;
}

/**
 * One notice as staff read it: channel, state (with the reason when it failed, who did it by hand
 * and when), the whole text, and what may be done next: try again, another channel, «تم».
 */
export function NoticeItem({
  notice,
  canAct,
  showWhom = false,
}: {
  notice: NoticeView;
  canAct: boolean;
  /** In the list of tasks: whom it is for and what it is about. */
  showWhom?: boolean;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const retry = useRetryNotice();
  const switchTo = useSwitchNotice();
  const done = useMarkNoticeDone();
  const [channel, setChannel] = useState<NotificationChannel | "">("");
  const [channelError, setChannelError] = useState<string | null>(null);
  const open = notice.status === "manual";
  const href = aboutHref(notice);
  const error = retry.error ?? switchTo.error ?? done.error;

  const submitSwitch = (event: FormEvent) => {
    event.preventDefault();
    if (!channel) {
      setChannelError(t("notices.switch.choose"));
      return;
    }
    setChannelError(null);
    switchTo.mutate({ id: notice.id, channel });
  };

  return (
    <li
      className="notice-item"
      data-status={notice.status}
      data-channel={notice.channel}
      data-testid="notice"
    >
      <div className="notice-item__head">
        <span className="notice-item__channel">{channelNames[notice.channel][locale]}</span>
        <span className="state-chip notice-item__status" data-state={notice.status}>
          {t(noticeStatusLabels[notice.status])}
        </span>
        <span className="muted">
          <DualDate value={notice.createdAt} withTime />
        </span>
      </div>
      {showWhom ? (
        <p className="notice-item__whom">
          {notice.beneficiary ? (
            <Link to={`/beneficiaries/${notice.beneficiary.id}`}>
              <UserText>{notice.beneficiary.fullName}</UserText>
            </Link>
          ) : null}
          {href && notice.about?.reference ? (
            <>
              {" · "}
              <Link to={href}>
                <UserText code>{notice.about.reference}</UserText>
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <dl className="facts facts--grid">
        <div className="facts__item">
          <dt>{t("notices.recipient")}</dt>
          <dd>{notice.recipient ? <UserText code>{notice.recipient}</UserText> : "—"}</dd>
        </div>
        {notice.subject ? (
          <div className="facts__item">
            <dt>{t("notices.subject")}</dt>
            <dd>
              <UserText>{notice.subject}</UserText>
            </dd>
          </div>
        ) : null}
        {notice.status === "failed" && notice.failureReason ? (
          <div className="facts__item">
            <dt>{t("notices.reason")}</dt>
            <dd className="notice-item__reason">
              {t(noticeReasonLabels[notice.failureReason], { channel: notice.channel })}
              {notice.lastError ? (
                <>
                  {" "}
                  <UserText code className="muted">
                    {notice.lastError}
                  </UserText>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {notice.status === "queued" && notice.lastError ? (
          <div className="facts__item">
            <dt>{t("notices.retrying")}</dt>
            <dd>
              <UserText code>{notice.lastError}</UserText>
            </dd>
          </div>
        ) : null}
        {notice.sentAt ? (
          <div className="facts__item">
            <dt>{t("notices.sentAt")}</dt>
            <dd>
              <DualDate value={notice.sentAt} withTime />
            </dd>
          </div>
        ) : null}
        {notice.deliveredAt ? (
          <div className="facts__item">
            <dt>{t("notices.deliveredAt")}</dt>
            <dd>
              <DualDate value={notice.deliveredAt} withTime />
            </dd>
          </div>
        ) : null}
        {notice.handledAt ? (
          <div className="facts__item">
            <dt>{t("notices.handled")}</dt>
            <dd>
              <UserText>{notice.handledBy ?? ""}</UserText> — <DualDate value={notice.handledAt} withTime />
            </dd>
          </div>
        ) : null}
      </dl>
      {open ? (
        <div className="notice-item__text">
          <p className="field__label">{t("notices.say")}</p>
          <p className="notice-item__body" data-testid="notice-body">
            <UserText>{notice.body}</UserText>
          </p>
        </div>
      ) : (
        <details className="notice-item__text">
          <summary>{t("notices.text")}</summary>
          <p className="notice-item__body">
            <UserText>{notice.body}</UserText>
          </p>
        </details>
      )}
      {canAct ? (
        <div className="notice-item__actions">
          {open ? (
            <button
              type="button"
              className="button button--primary"
              disabled={done.isPending}
              onClick={() => done.mutate(notice.id)}
            >
              {t("notices.done")}
            </button>
          ) : null}
          {notice.retryable ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={retry.isPending}
              onClick={() => retry.mutate(notice.id)}
            >
              {t("notices.retry")}
            </button>
          ) : null}
          {notice.switchTo.length > 0 ? (
            <form className="inline-form" noValidate onSubmit={submitSwitch}>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-channel`}>
                  {t("notices.switch.label")}
                </label>
                <select
                  id={`${ids}-channel`}
                  className="field__input"
                  value={channel}
                  aria-invalid={channelError ? true : undefined}
                  aria-describedby={channelError ? `${ids}-channel-error` : undefined}
                  onChange={(event) => setChannel(event.target.value as NotificationChannel | "")}
                >
                  <option value="">{t("notices.switch.placeholder")}</option>
                  {notice.switchTo.map((value) => (
                    <option key={value} value={value}>
                      {channelNames[value][locale]}
                    </option>
                  ))}
                </select>
                {channelError ? (
                  <p id={`${ids}-channel-error`} className="field__error">
                    {channelError}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--secondary" disabled={switchTo.isPending}>
                {t("notices.switch.submit")}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="alert alert--error">
          {isApiError(error) && error.fieldErrors[0]
            ? error.fieldErrors[0].message[locale]
            : errorText(error)}
        </div>
      ) : null}
    </li>
  );
}
