import { Link } from "react-router";
import { channelNames } from "../../../../shared/contracts/channels.js";
import {
  type BoardApprovalView,
  boardSignatureNames,
  officerToolNames,
  type PolicyContent,
  satisfactionMethodNames,
} from "../../../../shared/contracts/policy.js";
import { useI18n } from "../../../i18n/i18n.js";
import { gregorianWords, hijriWords, localDigits, responsePeriodWords } from "../labels.js";
import "./policy.css";
import { UserText } from "../../../components/ui/user-text.js";

type PolicyDocumentProps = {
  content: PolicyContent;
  /** Where the library's documents for a handling step are listed, when the page offers it. */
  stepHref?: (index: number) => string;
};

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, index) => (
          // Paragraphs of one text have no identity beyond their place.
          // biome-ignore lint/suspicious/noArrayIndexKey: a paragraph is its place in the text
          <p key={index}>{line}</p>
        ))}
    </>
  );
}

/** The policy's content as a readable Arabic page: its sections in the order the document has them. */
export function PolicyDocument({ content, stepHref }: PolicyDocumentProps) {
  const { t, locale } = useI18n();
  return (
    <article className="policy-document">
      {content.preamble ? (
        <section aria-labelledby="policy-preamble">
          <h2 id="policy-preamble">{t("policy.section.preamble")}</h2>
          <Paragraphs text={content.preamble} />
        </section>
      ) : null}
      {content.generalGoal ? (
        <section aria-labelledby="policy-goal">
          <h2 id="policy-goal">{t("policy.section.generalGoal")}</h2>
          <Paragraphs text={content.generalGoal} />
        </section>
      ) : null}
      {content.detailedGoals.length > 0 ? (
        <section aria-labelledby="policy-goals">
          <h2 id="policy-goals">{t("policy.section.detailedGoals")}</h2>
          <ol>
            {content.detailedGoals.map((goal, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in which the same words may appear twice
              <li key={`${index}-${goal}`}>{goal}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {content.channels.length > 0 ? (
        <section aria-labelledby="policy-channels">
          <h2 id="policy-channels">{t("policy.section.channels")}</h2>
          <ol className="policy-channels">
            {content.channels.map((code) => (
              <li key={code} data-channel={code}>
                {channelNames[code][locale]}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {content.officerTools.length > 0 ? (
        <section aria-labelledby="policy-tools">
          <h2 id="policy-tools">{t("policy.section.officerTools")}</h2>
          <ul>
            {content.officerTools.map((code) => (
              <li key={code}>{officerToolNames[code][locale]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {content.handlingSteps.length > 0 || content.responsePeriod || content.referralRole ? (
        <section aria-labelledby="policy-steps">
          <h2 id="policy-steps">{t("policy.section.handlingSteps")}</h2>
          <ol className="policy-steps">
            {content.handlingSteps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in which the same words may appear twice
              <li key={`${index}-${step}`}>
                {step}
                {stepHref ? (
                  <>
                    {" "}
                    <Link className="policy-steps__library" to={stepHref(index)}>
                      {t("policy.stepLibrary")}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {content.referralRole ? <p>{t("policy.referral", { role: content.referralRole })}</p> : null}
          {content.responsePeriod ? (
            <p className="policy-period">
              <strong>{t("policy.period.title")}: </strong>
              {responsePeriodWords(content.responsePeriod, t)}
            </p>
          ) : null}
        </section>
      ) : null}
      {content.committees ? (
        <section aria-labelledby="policy-committees">
          <h2 id="policy-committees">{t("policy.section.committees")}</h2>
          <Paragraphs text={content.committees} />
        </section>
      ) : null}
      {content.compensation ? (
        <section aria-labelledby="policy-compensation">
          <h2 id="policy-compensation">{t("policy.section.compensation")}</h2>
          <Paragraphs text={content.compensation} />
        </section>
      ) : null}
      {content.complaints ? (
        <section aria-labelledby="policy-complaints">
          <h2 id="policy-complaints">{t("policy.section.complaints")}</h2>
          <Paragraphs text={content.complaints} />
        </section>
      ) : null}
      {content.privacy ? (
        <section aria-labelledby="policy-privacy">
          <h2 id="policy-privacy">{t("policy.section.privacy")}</h2>
          <Paragraphs text={content.privacy} />
        </section>
      ) : null}
      {content.liaisonOfficers ? (
        <section aria-labelledby="policy-liaison">
          <h2 id="policy-liaison">{t("policy.section.liaisonOfficers")}</h2>
          <Paragraphs text={content.liaisonOfficers} />
        </section>
      ) : null}
      {content.satisfactionMethods.length > 0 ? (
        <section aria-labelledby="policy-satisfaction">
          <h2 id="policy-satisfaction">{t("policy.section.satisfactionMethods")}</h2>
          <ul>
            {content.satisfactionMethods.map((code) => (
              <li key={code}>{satisfactionMethodNames[code][locale]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {content.responsibilities ? (
        <section aria-labelledby="policy-responsibilities">
          <h2 id="policy-responsibilities">{t("policy.section.responsibilities")}</h2>
          <Paragraphs text={content.responsibilities} />
        </section>
      ) : null}
    </article>
  );
}

/** The board's resolution: the meeting, the Hijri date, the chair and the members who signed. */
export function BoardApprovalBlock({ approval }: { approval: BoardApprovalView }) {
  const { t, locale } = useI18n();
  return (
    <section className="card board-approval" aria-labelledby="board-approval-title">
      <h2 id="board-approval-title" className="card__title">
        {t("policy.approval.title")}
      </h2>
      <dl className="facts facts--grid">
        <div className="facts__item">
          <dt>{t("policy.approval.meetingNumber")}</dt>
          <dd>{localDigits(approval.meetingNumber, locale)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("policy.approval.term")}</dt>
          <dd>{localDigits(approval.term, locale)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("policy.approval.hijriDate")}</dt>
          <dd data-hijri={approval.hijriDate}>{hijriWords(approval.hijriDate, locale)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("policy.approval.gregorianDate")}</dt>
          <dd>{gregorianWords(approval.approvedOn, locale)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("policy.approval.chair")}</dt>
          <dd>
            <UserText>{approval.chair}</UserText>
          </dd>
        </div>
      </dl>
      <p className="board-approval__resolution">
        <UserText>{approval.resolution}</UserText>
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("policy.approval.members")}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("policy.approval.memberName")}</th>
              <th scope="col">{t("policy.approval.memberPosition")}</th>
              <th scope="col">{t("policy.approval.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {approval.members.map((member, index) => (
              <tr key={`${member.name}-${member.position}`}>
                <td>{localDigits(String(index + 1), locale)}</td>
                <th scope="row">
                  <UserText>{member.name}</UserText>
                </th>
                <td>
                  <UserText>{member.position}</UserText>
                </td>
                <td>{boardSignatureNames[member.signature.kind][locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
