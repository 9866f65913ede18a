import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { useCreateMeeting } from "../api/create-meeting.js";
import { useCommittees } from "../api/list-committees.js";
import { useRequests } from "../api/list-requests.js";
import { DueDate } from "./due-date.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";
import { UserText } from "../../../components/ui/user-text.js";

/**
 * «الاجتماعات»: a meeting of a committee with an agenda of declared, complete requests. The
 * committee offered first is one the person sits on (`memberId`), when there is one.
 */
export function NewMeetingPage({ memberId }: { memberId?: string } = {}) {
  const { t } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const committees = useCommittees();
  const ready = useRequests({ state: "declared" });
  const create = useCreateMeeting();
  const [committeeId, setCommittee] = useState("");
  const [heldOn, setHeldOn] = useState("");
  const [requestIds, setRequests] = useState<string[]>([]);
  const items = ready.data?.items ?? [];
  const list = committees.data?.items ?? [];
  const own = list.find((committee) => committee.members.some((member) => member.id === memberId));
  const chosenCommittee = committeeId || own?.id || list[0]?.id || "";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { committeeId: chosenCommittee, heldOn: dateFieldValue(heldOn) ?? "", requestIds },
      { onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`) },
    );
  };

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("meetings.new")}
        </h1>
        <p className="page__lead">{t("meetings.lead")}</p>
      </header>
      <form noValidate className="card form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-committee`}>
            {t("meetings.committee")}
          </label>
          <select
            id={`${ids}-committee`}
            className="field__input"
            required
            value={chosenCommittee}
            onChange={(event) => setCommittee(event.target.value)}
          >
            {(committees.data?.items ?? []).map((committee) => (
              <option key={committee.id} value={committee.id}>
                <UserText>{committee.nameAr}</UserText>
              </option>
            ))}
          </select>
        </div>
        <DateField
          id={`${ids}-on`}
          label={t("meetings.heldOn")}
          value={heldOn}
          onChange={(text) => setHeldOn(text)}
        />
        <fieldset className="choice-group">
          <legend className="field__label">{t("meetings.agenda")}</legend>
          {items.length === 0 && !ready.isPending ? <p className="empty">{t("meetings.noneReady")}</p> : null}
          <ul className="plain-list">
            {items.map((request) => (
              <li key={request.id}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={requestIds.includes(request.id)}
                    onChange={(event) =>
                      setRequests(
                        event.target.checked
                          ? [...requestIds, request.id]
                          : requestIds.filter((id) => id !== request.id),
                      )
                    }
                  />
                  <span>
                    <bdi dir="ltr">{request.referenceNumber}</bdi> —{" "}
                    <UserText>{request.beneficiary.fullName}</UserText> —{" "}
                    <UserText>{request.service.nameAr}</UserText>
                  </span>
                </label>
                <DueDate due={request.due} />
              </li>
            ))}
          </ul>
        </fieldset>
        <Refusal error={create.error ?? committees.error} />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || requestIds.length === 0 || !chosenCommittee}
          >
            {t("meetings.create")}
          </button>
        </div>
      </form>
    </section>
  );
}
