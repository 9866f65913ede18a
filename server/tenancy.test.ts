import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffRoles } from "../shared/contracts/roles.js";
import {
  agendaItems,
  associations,
  auditEvents,
  beneficiaries,
  beneficiaryCategories,
  beneficiaryImports,
  calendarDays,
  committeeMeetings,
  committees,
  committeeVotes,
  conflictDeclarations,
  consents,
  correspondence,
  declarations,
  deliveries,
  evidencePacks,
  fieldActions,
  fieldChecklists,
  fieldVisits,
  files,
  householdMembers,
  interactions,
  liaisonRoutes,
  referrals,
  requestDocuments,
  requestSettings,
  services,
  sessions,
  supportRequests,
  surveyFollowUps,
  surveySettings,
  surveys,
  users,
} from "./db/schema.js";
import { compensationClaims, complaints } from "./db/schema-complaints.js";
import {
  libraryDocuments,
  libraryDocumentVersions,
  policyAcknowledgements,
  policyApprovals,
  policyVersions,
} from "./db/schema-policy.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "./test/harness.js";

/**
 * One association never sees another's data (SPEC R2). The matrix walks every operation in the
 * generated OpenAPI document, so a new endpoint without a cross-tenant case fails here until one
 * is added to `cases`.
 */

type Case = { body?: unknown; query?: string; last?: boolean; contentType?: string };

// How an all-roles user of association A calls each operation while aiming at association B.
// Path parameters are filled from B's ids by name (see `idsOfB`).
const cases: Record<string, Case> = {
  "GET /api/audit-events": {},
  "GET /api/audit-events/export": { query: "format=csv" },
  "GET /api/associations/current": {},
  "GET /api/users": {},
  "POST /api/users": {
    body: {
      fullName: "مستخدم جديد",
      email: "newcomer@example.test",
      password: "long-enough-password",
      roles: ["officer"],
    },
  },
  "PATCH /api/me/preferences": { body: { locale: "en" } },
  "PUT /api/me/password": {
    body: { currentPassword: "correct-horse-battery", newPassword: "plum vinegar tractor 48" },
  },
  "PUT /api/users/{userId}/roles": { body: { roles: ["officer"] } },
  "POST /api/users/{userId}/deactivate": {},
  "POST /api/users/{userId}/reactivate": {},
  "POST /api/users/{userId}/unlock": {},
  "POST /api/users/{userId}/sessions/end": {},
  "POST /api/users/{userId}/password-reset": { body: {} },
  "POST /api/users/{userId}/second-factor/reset": {},
  "GET /api/auth/session": {},
  "POST /api/auth/sign-in": { body: { email: "b-user@example.test", password: "wrong-password" } },
  "POST /api/auth/sign-in/second-factor": { body: { challenge: "forged.challenge", code: "123456" } },
  "GET /api/auth/second-factor": {},
  "POST /api/auth/second-factor/enrolment": {},
  "POST /api/auth/second-factor/enrolment/confirm": { body: { code: "123456" } },
  "POST /api/auth/sign-out": { last: true },
  // Public routes act for the association named in the address (here A's); a tracking link is its token.
  "GET /api/public/associations/{slug}/complaint-challenge": {},
  "POST /api/public/associations/{slug}/complaints": {
    body: {
      category: "other",
      subject: "موضوع",
      details: "تفاصيل الشكوى هنا",
      altcha: "eyJjaGFsbGVuZ2UiOnt9fQ==",
    },
  },
  "GET /api/public/complaints/{token}": {},
  // The beneficiary portal: A's staff session opens none of it; sign-in acts for the association in
  // the address (A's), so B's beneficiary's ID gets A's one answer and nothing of B.
  "POST /api/portal/associations/{slug}/sign-in/code": { body: { nationalId: "1000000008" } },
  "POST /api/portal/associations/{slug}/sign-in/verify": {
    body: { nationalId: "1000000008", code: "123456" },
  },
  "POST /api/portal/sign-out": {},
  "GET /api/portal/me": {},
  "GET /api/portal/requests": {},
  "GET /api/portal/requests/{requestId}": {},
  "GET /api/portal/notices": {},
  "POST /api/complaints": {
    body: {
      channel: "phone",
      category: "other",
      subject: "شكوى",
      details: "تفاصيل الشكوى هنا",
      beneficiaryId: "BENEFICIARY_OF_B",
    },
  },
  "GET /api/complaints": { query: "status=all" },
  "GET /api/complaints/export": { query: "status=all&format=csv" },
  "GET /api/complaints/dashboard": {},
  "GET /api/complaints/{complaintId}": {},
  "POST /api/complaints/{complaintId}/assign": { body: { assigneeId: "USER_OF_B" } },
  "POST /api/complaints/{complaintId}/notes": { body: { kind: "note", note: "ملاحظة" } },
  "POST /api/complaints/{complaintId}/close": { body: { outcome: "rejected", note: "مرفوضة" } },
  "POST /api/complaints/{complaintId}/directions": { body: { note: "توجيه" } },
  "POST /api/compensation-claims": {
    body: { claimantName: "مطالب", description: "وصف المطالبة", complaintId: "COMPLAINT_OF_B" },
  },
  "GET /api/compensation-claims": {},
  "GET /api/compensation-claims/export": { query: "format=csv" },
  "GET /api/compensation-claims/{claimId}": {},
  "POST /api/compensation-claims/{claimId}/proof": {
    body: {
      kind: "judicial_ruling",
      number: "1",
      date: "2026-01-01",
      authority: "محكمة",
      fileId: "FILE_OF_B",
    },
  },
  "POST /api/compensation-claims/{claimId}/rounds": { body: { offerAmount: 100, response: "accepted" } },
  "POST /api/compensation-claims/{claimId}/settlement": { body: { terms: "شروط التسوية", amount: 100 } },
  "POST /api/compensation-claims/{claimId}/approve": { body: { amount: 100 } },
  "POST /api/compensation-claims/{claimId}/payments": { body: { amount: 100, reference: "R" } },
  "GET /healthz": {},
  "GET /api/beneficiaries": { query: `q=${encodeURIComponent("سلمى بنت حمد البيتاوي")}` },
  "GET /api/beneficiaries/export": { query: `format=csv&q=${encodeURIComponent("سلمى بنت حمد البيتاوي")}` },
  "POST /api/beneficiaries/duplicate-check": {
    body: {
      fullName: "سلمى بنت حمد البيتاوي",
      nationalId: "1000000008",
      phones: ["0551234567"],
      birthDate: "1985-04-01",
    },
  },
  "POST /api/beneficiaries": {
    body: {
      fullName: "مريم بنت سالم الألفي",
      gender: "female",
      lawfulBasis: "service_request",
      nationalId: "1000000016",
      phones: ["0500000001"],
    },
  },
  "GET /api/beneficiaries/{beneficiaryId}": {},
  "PATCH /api/beneficiaries/{beneficiaryId}": { body: { city: "الرياض" } },
  "POST /api/beneficiaries/{beneficiaryId}/merge": { body: { duplicateId: "SECOND_OF_B" } },
  "POST /api/beneficiaries/{beneficiaryId}/consents": {
    body: { purpose: "تلقي الإشعارات", noticeVersion: "1" },
  },
  "POST /api/beneficiaries/{beneficiaryId}/consents/{consentId}/withdraw": {},
  "GET /api/beneficiaries/{beneficiaryId}/timeline": {},
  "GET /api/beneficiary-categories": {},
  "POST /api/beneficiary-categories": { body: { code: "alpha_widows", nameAr: "الأرامل" } },
  "GET /api/beneficiary-imports/{importId}": {},
  "PUT /api/beneficiary-categories/{categoryId}/aliases": { body: { aliases: ["يتيم بيتا"] } },
  "POST /api/beneficiaries/import": {
    body: "الاسم,رقم الهوية,الجنس\nسلمى بنت حمد البيتاوي,1000000008,أنثى\n",
    contentType: "text/csv",
  },
  "POST /api/interactions": {
    body: {
      beneficiaryId: "BENEFICIARY_OF_B",
      kind: "inquiry",
      channel: "phone",
      direction: "inbound",
      subject: "استفسار",
    },
  },
  "GET /api/interactions": { query: "beneficiaryId=BENEFICIARY_OF_B" },
  "GET /api/interactions/export": { query: "format=csv&beneficiaryId=BENEFICIARY_OF_B" },
  "POST /api/interactions/{interactionId}/answer": { body: { answer: "تم الرد" } },
  "GET /api/liaison-routes": {},
  "GET /api/liaison/inbox": {},
  "GET /api/liaison/load": {},
  "GET /api/field/checklists": {},
  "POST /api/field/checklists": { body: { name: "قائمة ألفا", items: ["بند ألفا"] } },
  "PUT /api/field/checklists/{checklistId}": { body: { name: "قائمة ألفا", items: ["بند ألفا"] } },
  "GET /api/field/people": {},
  "POST /api/field/visits": {
    body: {
      kind: "supervisory_visit",
      visitedOn: "2026-03-15",
      place: "مكتب ألفا",
      observations: "ملاحظات ألفا",
      checklistId: "CHECKLIST_OF_B",
      answers: [{ answer: "met" }],
      photoFileIds: ["FILE_OF_B"],
      actions: [{ text: "إجراء ألفا", ownerId: "USER_OF_B", dueInWorkingDays: 2 }],
    },
  },
  "GET /api/field/visits": {},
  "GET /api/field/visits/{visitId}": {},
  "POST /api/field/visits/{visitId}/actions": {
    body: { text: "إجراء ألفا", ownerId: "USER_OF_B", dueInWorkingDays: 2 },
  },
  "GET /api/field/actions": { query: "scope=overdue" },
  "POST /api/field/actions/{actionId}/done": {},
  "GET /api/field/summary": {},
  "POST /api/evidence-packs": { body: { from: "2026-03-01", to: "2026-03-31" } },
  "GET /api/evidence-packs": {},
  "GET /api/evidence-packs/{packId}": {},
  "POST /api/files": { body: "%PDF-1.4 alpha", contentType: "application/pdf", query: "name=alpha.pdf" },
  "GET /api/files/{fileId}": {},
  "POST /api/correspondence": {
    body: {
      direction: "incoming",
      medium: "letter",
      counterpart: "جهة",
      subject: "موضوع",
      fileId: "FILE_OF_B",
    },
  },
  "GET /api/correspondence": { query: "beneficiaryId=BENEFICIARY_OF_B" },
  "GET /api/correspondence/export": { query: "format=csv&beneficiaryId=BENEFICIARY_OF_B" },
  "GET /api/calendar/days": { query: "year=2026" },
  "PUT /api/calendar/days/{date}": { body: { kind: "closure", nameAr: "إغلاق ألفا" } },
  "DELETE /api/calendar/days/{date}": {},
  "PUT /api/liaison-routes": { body: { routes: [{ liaisonUserId: "USER_OF_B" }] } },
  "GET /api/services": {},
  "POST /api/services": { body: { code: "alpha_service", nameAr: "خدمة ألفا", kind: "other" } },
  "GET /api/services/{serviceId}": {},
  "PATCH /api/services/{serviceId}": { body: { nameAr: "تغيير" } },
  "GET /api/services/{serviceId}/requirements": {},
  "GET /api/request-settings": {},
  "PUT /api/request-settings": { body: { referralRole: "social_researcher" } },
  "GET /api/request-settings/policy-wording": {},
  "PUT /api/request-settings/policy-wording": { body: { committees: [] } },
  // The platform operator's routes: an association's staff (all roles) are refused, B's id or not.
  "GET /api/platform/associations": {},
  "POST /api/platform/associations": {
    body: {
      slug: "tenancy-probe",
      nameAr: "جمعية الفحص",
      administrator: { fullName: "مدير الفحص", email: "probe@example.test" },
    },
  },
  "POST /api/platform/associations/{associationId}/suspend": {},
  "POST /api/platform/associations/{associationId}/reactivate": {},
  "POST /api/requests": {
    body: { beneficiaryId: "BENEFICIARY_OF_B", serviceId: "SERVICE_OF_B", channel: "phone" },
  },
  "GET /api/requests": { query: "beneficiaryId=BENEFICIARY_OF_B" },
  "GET /api/requests/export": { query: "format=csv&beneficiaryId=BENEFICIARY_OF_B" },
  "GET /api/requests/{requestId}": {},
  "PUT /api/requests/{requestId}/data": { body: { data: { family_size: 9 } } },
  "POST /api/requests/{requestId}/documents": {
    body: { requirementCode: "national_id", fileId: "FILE_OF_B", expiresOn: "2030-01-01" },
  },
  "POST /api/requests/{requestId}/referrals": { body: { ownerUserId: "USER_OF_B", reason: "إحالة" } },
  "POST /api/referrals/{referralId}/study": {
    body: { kind: "home_visit", on: "2026-03-01", findings: "نتائج", recommendation: "توصية" },
  },
  "POST /api/referrals/{referralId}/close": { body: { outcome: "نتيجة" } },
  "POST /api/requests/{requestId}/declaration": { body: { method: "scanned", fileId: "FILE_OF_B" } },
  "POST /api/requests/{requestId}/declaration/verify": { body: { code: "123456" } },
  "POST /api/requests/{requestId}/cancel": { body: { reason: "إلغاء" } },
  "POST /api/requests/{requestId}/deliveries": { body: { kind: "cash", amount: 100 } },
  "POST /api/requests/{requestId}/close": {},
  "GET /api/my-work": {},
  "GET /api/surveys": {},
  "POST /api/surveys": {
    body: {
      name: "استبانة ألفا",
      purpose: "periodic",
      questions: [{ key: "csat", kind: "csat", text: { ar: "سؤال" } }],
    },
  },
  "GET /api/surveys/my-rating": {},
  "GET /api/surveys/post-service-counts": {},
  "GET /api/surveys/{surveyId}": {},
  "PUT /api/surveys/{surveyId}": {
    body: {
      ...{
        name: "استبانة ألفا",
        purpose: "periodic",
        questions: [{ key: "csat", kind: "csat", text: { ar: "سؤال" } }],
      },
      purpose: "post_service",
    },
  },
  "POST /api/surveys/{surveyId}/status": { body: { status: "archived" } },
  "GET /api/surveys/{surveyId}/results": {},
  "GET /api/survey-templates": {},
  "GET /api/survey-settings": {},
  "PUT /api/survey-settings": {
    body: {
      postServiceSurveyId: "SURVEY_OF_B",
      afterDelivery: true,
      afterRequestClosed: true,
      afterComplaintClosed: true,
      quietDays: 90,
      linkValidDays: 14,
      reminderAfterDays: 3,
    },
  },
  "POST /api/survey-campaigns": {
    body: {
      surveyId: "SURVEY_OF_B",
      name: "حملة ألفا",
      audience: { kind: "everyone" },
      closesOn: "2026-12-30",
    },
  },
  "GET /api/survey-campaigns": {},
  "GET /api/beneficiaries/{beneficiaryId}/survey-preference": {},
  "PUT /api/beneficiaries/{beneficiaryId}/survey-preference": { body: { optedOut: true } },
  "GET /api/survey-follow-ups": {},
  "POST /api/survey-follow-ups/{followUpId}/actions": { body: { action: "close", note: "إغلاق" } },
  "GET /api/public/surveys/{token}": {},
  "POST /api/public/surveys/{token}": { body: { answers: { csat: 1 }, allowContact: true } },
  "GET /api/notices": { query: "beneficiaryId=BENEFICIARY_OF_B" },
  "POST /api/notices/{noticeId}/retry": {},
  "POST /api/notices/{noticeId}/switch": { body: { channel: "phone" } },
  "POST /api/notices/{noticeId}/done": { body: {} },
  "POST /api/notices/delivery-reports": { body: { idempotencyKey: "NOTICE_OF_B", status: "delivered" } },
  "GET /api/reports/response-compliance": {},
  "GET /api/reports/response-compliance/export": { query: "format=csv" },
  "GET /api/dashboards/management": {},
  "GET /api/dashboards/management/export": { query: "format=csv&section=owners" },
  "GET /api/committees": {},
  "POST /api/committees": { body: { nameAr: "لجنة ألفا", quorum: 1, memberIds: ["USER_OF_B"] } },
  "POST /api/committee-meetings": {
    body: { committeeId: "COMMITTEE_OF_B", heldOn: "2026-03-20", requestIds: ["REQUEST_OF_B"] },
  },
  "GET /api/committee-meetings": {},
  "GET /api/committee-meetings/{meetingId}": {},
  "PUT /api/committee-meetings/{meetingId}/attendance": { body: { presentMemberIds: ["USER_OF_B"] } },
  "POST /api/committee-meetings/{meetingId}/items/{requestId}/votes": { body: { vote: "accept" } },
  "POST /api/committee-meetings/{meetingId}/items/{requestId}/decision": {
    body: { outcome: "reject", reasons: "أسباب" },
  },
  "POST /api/committee-meetings/{meetingId}/minutes": {},
  "POST /api/committee-meetings/{meetingId}/minutes/approve": {},
  "POST /api/conflict-declarations": { body: { beneficiaryId: "BENEFICIARY_OF_B", reason: "قرابة" } },
  "POST /api/policy/drafts": { body: { preamble: "مقدمة سياسة ألفا" } },
  "POST /api/policy/drafts/import": {
    body: "سياسة ألفا\nقنوات التواصل\n1- الاتصال الهاتفي\n",
    contentType: "text/plain",
  },
  "PATCH /api/policy/drafts/{versionId}": { body: { preamble: "تعديل ألفا" } },
  "POST /api/policy/drafts/{versionId}/approve": {
    body: {
      meetingNumber: "1",
      term: "1",
      hijriDate: "1447-09-01",
      chair: "رئيس ألفا",
      members: [{ name: "عضو ألفا", position: "عضو", signature: { kind: "scanned", fileId: "FILE_OF_B" } }],
      resolution: "اعتماد سياسة ألفا",
    },
  },
  "GET /api/policy/versions": {},
  "GET /api/policy/versions/{versionId}": {},
  "GET /api/policy/current": {},
  "GET /api/policy/versions/{versionId}/print": {},
  "GET /api/policy/versions/{versionId}/pdf": {},
  "GET /api/policy/acknowledgement": {},
  "POST /api/policy/current/acknowledge": {
    body: { versionId: "CURRENT_POLICY_OF_B", typedName: "موظف ألفا" },
  },
  "GET /api/policy/acknowledgements": {},
  "GET /api/policy/acknowledgements/export": { query: "format=csv" },
  "GET /api/library": { query: `q=${encodeURIComponent("دليل بيتا")}` },
  "POST /api/library": {
    body: { kind: "form", titleAr: "نموذج ألفا", version: { fileId: "FILE_OF_B", versionLabel: "1" } },
  },
  "POST /api/library/{documentId}/versions": { body: { fileId: "FILE_OF_B", versionLabel: "2" } },
};

let h: Harness;
let clientA: Client;
let idsOfB: Record<string, string>;
let markersOfB: string[];

async function snapshotOfB(associationId: string) {
  return h.db.system(async (tx) => ({
    association: await tx.select().from(associations).where(eq(associations.id, associationId)),
    users: await tx.select().from(users).where(eq(users.associationId, associationId)).orderBy(users.id),
    sessions: await tx
      .select()
      .from(sessions)
      .where(eq(sessions.associationId, associationId))
      .orderBy(sessions.id),
    auditCount: await tx.$count(auditEvents, eq(auditEvents.associationId, associationId)),
    evidencePacks: await tx
      .select()
      .from(evidencePacks)
      .where(eq(evidencePacks.associationId, associationId))
      .orderBy(evidencePacks.id),
    beneficiaries: await tx
      .select()
      .from(beneficiaries)
      .where(eq(beneficiaries.associationId, associationId))
      .orderBy(beneficiaries.id),
    household: await tx
      .select()
      .from(householdMembers)
      .where(eq(householdMembers.associationId, associationId))
      .orderBy(householdMembers.id),
    consents: await tx
      .select()
      .from(consents)
      .where(eq(consents.associationId, associationId))
      .orderBy(consents.id),
    interactions: await tx
      .select()
      .from(interactions)
      .where(eq(interactions.associationId, associationId))
      .orderBy(interactions.id),
    categories: await tx
      .select()
      .from(beneficiaryCategories)
      .where(eq(beneficiaryCategories.associationId, associationId))
      .orderBy(beneficiaryCategories.id),
    beneficiaryImports: await tx
      .select()
      .from(beneficiaryImports)
      .where(eq(beneficiaryImports.associationId, associationId))
      .orderBy(beneficiaryImports.id),
    complaints: await tx.select().from(complaints).where(eq(complaints.associationId, associationId)),
    claims: await tx
      .select()
      .from(compensationClaims)
      .where(eq(compensationClaims.associationId, associationId)),
    files: await tx.select().from(files).where(eq(files.associationId, associationId)),
    correspondence: await tx
      .select()
      .from(correspondence)
      .where(eq(correspondence.associationId, associationId)),
    fieldChecklists: await tx
      .select()
      .from(fieldChecklists)
      .where(eq(fieldChecklists.associationId, associationId)),
    fieldVisits: await tx.select().from(fieldVisits).where(eq(fieldVisits.associationId, associationId)),
    fieldActions: await tx.select().from(fieldActions).where(eq(fieldActions.associationId, associationId)),
    calendar: await tx.select().from(calendarDays).where(eq(calendarDays.associationId, associationId)),
    routes: await tx
      .select()
      .from(liaisonRoutes)
      .where(eq(liaisonRoutes.associationId, associationId))
      .orderBy(liaisonRoutes.id),
    services: await tx.select().from(services).where(eq(services.associationId, associationId)),
    requestSettings: await tx
      .select()
      .from(requestSettings)
      .where(eq(requestSettings.associationId, associationId)),
    requests: await tx
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.associationId, associationId))
      .orderBy(supportRequests.id),
    requestDocuments: await tx
      .select()
      .from(requestDocuments)
      .where(eq(requestDocuments.associationId, associationId)),
    referrals: await tx.select().from(referrals).where(eq(referrals.associationId, associationId)),
    declarations: await tx.select().from(declarations).where(eq(declarations.associationId, associationId)),
    committees: await tx.select().from(committees).where(eq(committees.associationId, associationId)),
    meetings: await tx
      .select()
      .from(committeeMeetings)
      .where(eq(committeeMeetings.associationId, associationId)),
    agenda: await tx.select().from(agendaItems).where(eq(agendaItems.associationId, associationId)),
    votes: await tx.select().from(committeeVotes).where(eq(committeeVotes.associationId, associationId)),
    conflicts: await tx
      .select()
      .from(conflictDeclarations)
      .where(eq(conflictDeclarations.associationId, associationId)),
    deliveries: await tx.select().from(deliveries).where(eq(deliveries.associationId, associationId)),
    policyVersions: await tx
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.associationId, associationId))
      .orderBy(policyVersions.id),
    policyApprovals: await tx
      .select()
      .from(policyApprovals)
      .where(eq(policyApprovals.associationId, associationId)),
    acknowledgements: await tx
      .select()
      .from(policyAcknowledgements)
      .where(eq(policyAcknowledgements.associationId, associationId)),
    library: await tx
      .select()
      .from(libraryDocuments)
      .where(eq(libraryDocuments.associationId, associationId)),
    libraryVersions: await tx
      .select()
      .from(libraryDocumentVersions)
      .where(eq(libraryDocumentVersions.associationId, associationId)),
    surveys: await tx.select().from(surveys).where(eq(surveys.associationId, associationId)),
    surveySettings: await tx
      .select()
      .from(surveySettings)
      .where(eq(surveySettings.associationId, associationId)),
    surveyFollowUps: await tx
      .select()
      .from(surveyFollowUps)
      .where(eq(surveyFollowUps.associationId, associationId)),
  }));
}

beforeAll(async () => {
  h = await createHarness();
  const a = await createAssociation(h, "alpha");
  const b = await createAssociation(h, "beta");
  const userA = await createUser(h, a.id, [...staffRoles], "موظف ألفا");
  const userB = await createUser(h, b.id, [...staffRoles], "موظفة بيتا");
  // B has a live session, a category, beneficiaries with household and consent, an open inquiry
  // routed to its liaison officer: everything A will try to reach.
  const clientB = await signIn(h, userB.email);
  const category = (
    await clientB.request("POST", "/api/beneficiary-categories", {
      code: "beta_orphans",
      nameAr: "أيتام بيتا",
    })
  ).json();
  await clientB.request("PUT", "/api/calendar/days/2026-05-11", {
    kind: "closure",
    nameAr: "إغلاق بيتا الخاص",
  });
  await clientB.request("PUT", "/api/liaison-routes", {
    routes: [{ categoryCode: "beta_orphans", liaisonUserId: userB.id }],
  });
  const registered = await clientB.request("POST", "/api/beneficiaries", {
    fullName: "سلمى بنت حمد البيتاوي",
    gender: "female",
    lawfulBasis: "service_request",
    nationalId: "1000000008",
    birthDate: "1985-04-01",
    phones: ["0551234567"],
    categoryCode: "beta_orphans",
    household: [{ relation: "son", fullName: "حمد بن سالم البيتاوي", nationalId: "1000000024" }],
    consent: { purpose: "تلقي الإشعارات", noticeVersion: "1" },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const beneficiaryB = registered.json();
  const second = (
    await clientB.request("POST", "/api/beneficiaries", {
      fullName: "نوف بنت علي البيتاوي",
      gender: "female",
      lawfulBasis: "service_request",
    })
  ).json();
  const inquiry = (
    await clientB.request("POST", "/api/interactions", {
      beneficiaryId: beneficiaryB.id,
      kind: "inquiry",
      channel: "phone",
      direction: "inbound",
      subject: "موعد صرف السلة الغذائية لبيتا",
    })
  ).json();
  const fileB = (
    await clientB.request("POST", "/api/files?name=beta-scan.pdf", Buffer.from("%PDF-1.4 beta secret"), {
      contentType: "application/pdf",
    })
  ).json();
  await clientB.request("POST", "/api/correspondence", {
    direction: "incoming",
    medium: "fax",
    counterpart: "مستشفى بيتا",
    subject: "تقرير بيتا الطبي",
    beneficiaryId: beneficiaryB.id,
    fileId: fileB.id,
  });
  // A service, a declared request on a committee's agenda, and a referred one.
  const serviceB = (
    await clientB.request("POST", "/api/services", {
      code: "beta_aid",
      nameAr: "خدمة بيتا السرية",
      kind: "financial",
      requirements: [
        { kind: "field", code: "family_size", labelAr: "عدد أفراد بيتا", fieldType: "number" },
        { kind: "document", code: "national_id", labelAr: "هوية بيتا", validity: { kind: "not_expired" } },
      ],
    })
  ).json();
  const requestB = (
    await clientB.request("POST", "/api/requests", {
      beneficiaryId: beneficiaryB.id,
      serviceId: serviceB.id,
      channel: "interview",
      data: { family_size: 3 },
    })
  ).json();
  await clientB.request("POST", `/api/requests/${requestB.id}/documents`, {
    requirementCode: "national_id",
    fileId: fileB.id,
    expiresOn: "2030-01-01",
  });
  const declaredB = await clientB.request("POST", `/api/requests/${requestB.id}/declaration`, {
    method: "scanned",
    fileId: fileB.id,
  });
  expect(declaredB.statusCode, declaredB.body).toBe(200);
  const committeeB = (
    await clientB.request("POST", "/api/committees", {
      nameAr: "لجنة بيتا",
      quorum: 1,
      memberIds: [userB.id],
    })
  ).json();
  const meetingB = (
    await clientB.request("POST", "/api/committee-meetings", {
      committeeId: committeeB.id,
      heldOn: "2026-03-16",
      requestIds: [requestB.id],
    })
  ).json();
  expect(meetingB.items, JSON.stringify(meetingB)).toHaveLength(1);
  const referredB = (
    await clientB.request("POST", "/api/requests", {
      beneficiaryId: beneficiaryB.id,
      serviceId: serviceB.id,
      channel: "phone",
    })
  ).json();
  const referralB = (
    await clientB.request("POST", `/api/requests/${referredB.id}/referrals`, {
      ownerUserId: userB.id,
      reason: "سبب إحالة بيتا",
    })
  ).json().referrals[0];
  await clientB.request("POST", "/api/conflict-declarations", {
    beneficiaryId: second.id,
    reason: "قرابة بيتا",
  });
  const complaintB = (
    await clientB.request("POST", "/api/complaints", {
      channel: "fax",
      category: "service",
      subject: "شكوى بيتا السرية",
      details: "تفاصيل شكوى بيتا لا يراها غيرها",
      name: "مشتكي بيتا",
    })
  ).json();
  const complaintBId = (await clientB.request("GET", "/api/complaints?status=all")).json().items[0].id;
  const claimB = (
    await clientB.request("POST", "/api/compensation-claims", {
      claimantName: "مطالب بيتا",
      description: "مطالبة بيتا بالتعويض",
      complaintId: complaintBId,
    })
  ).json();
  // B's policy: an approved version its staff member signed, a draft in progress, a library document.
  const policyContentB = {
    preamble: "مقدمة سياسة بيتا السرية",
    channels: ["fax"],
    handlingSteps: ["خطوة بيتا الأولى"],
    responsePeriod: { value: 1, unit: "months", bound: "min", startsAt: "submission" },
  };
  const approvedPolicyB = (await clientB.request("POST", "/api/policy/drafts", policyContentB)).json();
  const approvedB = await clientB.request("POST", `/api/policy/drafts/${approvedPolicyB.id}/approve`, {
    meetingNumber: "7",
    term: "3",
    hijriDate: "1447-08-01",
    chair: "رئيس مجلس بيتا",
    members: [
      {
        name: "عضو مجلس بيتا",
        position: "أمين صندوق بيتا",
        signature: { kind: "scanned", fileId: fileB.id },
      },
    ],
    resolution: "قرار بيتا باعتماد السياسة",
  });
  expect(approvedB.statusCode, approvedB.body).toBe(200);
  const signedB = await clientB.request("POST", "/api/policy/current/acknowledge", {
    versionId: approvedPolicyB.id,
    typedName: userB.fullName,
  });
  expect(signedB.statusCode, signedB.body).toBe(200);
  const draftPolicyB = (
    await clientB.request("POST", "/api/policy/drafts", { ...policyContentB, generalGoal: "هدف بيتا الخاص" })
  ).json();
  const libraryB = await clientB.request("POST", "/api/library", {
    kind: "bylaws",
    titleAr: "دليل بيتا السري",
    stepIndexes: [0],
    version: { fileId: fileB.id, versionLabel: "بيتا-1" },
  });
  expect(libraryB.statusCode, libraryB.body).toBe(201);
  const noticeB = await h.db.tenant(b.id, (tx) =>
    h.modules.notifications.service.notifyBeneficiary(
      tx,
      { system: true, associationId: b.id },
      {
        beneficiaryId: beneficiaryB.id,
        eventKey: `support_request:${requestB.id}:decided:beta`,
        subject: "قرار بيتا",
        body: "إشعار بيتا السري",
      },
    ),
  );
  // An import of B's, followed by its progress id.
  const importOfB = randomUUID();
  const importedB = await clientB.request(
    "POST",
    `/api/beneficiaries/import?progressId=${importOfB}`,
    "الاسم,الجنس,الفئة\nهيفاء بنت سالم البيتاوية,أنثى,أيتام بيتا\n",
    { contentType: "text/csv" },
  );
  expect(importedB.statusCode, importedB.body).toBe(200);
  // B's field oversight: a checklist, and a visit whose follow-up action B's staff member owns.
  const checklistB = (
    await clientB.request("POST", "/api/field/checklists", {
      name: "قائمة بيتا الميدانية",
      items: ["بند بيتا الميداني"],
    })
  ).json();
  const visitB = await clientB.request("POST", "/api/field/visits", {
    kind: "supervisory_visit",
    visitedOn: "2026-03-12",
    place: "مكتب بيتا الميداني",
    observations: "ملاحظات بيتا الميدانية",
    checklistId: checklistB.id,
    answers: [{ answer: "met" }],
    actions: [{ text: "إجراء بيتا الميداني", ownerId: userB.id, dueInWorkingDays: 1 }],
  });
  expect(visitB.statusCode, visitB.body).toBe(201);
  // B's evidence pack, queued (A may neither read it nor ask for one of B's).
  const packB = await clientB.request("POST", "/api/evidence-packs", {
    from: "2026-03-01",
    to: "2026-03-31",
  });
  expect(packB.statusCode, packB.body).toBe(202);
  // B's survey, its settings, and a follow-up one of its beneficiaries allowed.
  const surveyB = await clientB.request("POST", "/api/surveys", {
    name: "استبانة بيتا السرية",
    purpose: "post_service",
    questions: [{ key: "csat", kind: "csat", text: { ar: "سؤال بيتا السري" } }],
  });
  expect(surveyB.statusCode, surveyB.body).toBe(201);
  const [followUpB] = await h.db.system((tx) =>
    tx
      .insert(surveyFollowUps)
      .values({
        associationId: b.id,
        surveyId: surveyB.json().id,
        beneficiaryId: beneficiaryB.id,
        lowestKind: "csat",
        lowestValue: 1,
        text: "متابعة بيتا السرية",
        createdAt: new Date(),
      })
      .returning(),
  );
  clientA = await signIn(h, userA.email);
  const [sessionB] = await h.db.system((tx) =>
    tx.select().from(sessions).where(eq(sessions.userId, userB.id)),
  );
  idsOfB = {
    associationId: b.id,
    userId: userB.id,
    sessionId: sessionB!.id,
    beneficiaryId: beneficiaryB.id,
    consentId: beneficiaryB.consents[0].id,
    interactionId: inquiry.id,
    SECOND_OF_B: second.id,
    BENEFICIARY_OF_B: beneficiaryB.id,
    USER_OF_B: userB.id,
    date: "2026-05-10",
    fileId: fileB.id,
    FILE_OF_B: fileB.id,
    serviceId: serviceB.id,
    SERVICE_OF_B: serviceB.id,
    requestId: requestB.id,
    REQUEST_OF_B: requestB.id,
    referralId: referralB.id,
    meetingId: meetingB.id,
    COMMITTEE_OF_B: committeeB.id,
    complaintId: complaintBId,
    COMPLAINT_OF_B: complaintBId,
    claimId: claimB.id,
    slug: a.slug,
    token: "T".repeat(43),
    versionId: draftPolicyB.id,
    CURRENT_POLICY_OF_B: approvedPolicyB.id,
    documentId: libraryB.json().id,
    noticeId: noticeB!.id,
    NOTICE_OF_B: noticeB!.id,
    importId: importOfB,
    categoryId: category.id,
    checklistId: checklistB.id,
    CHECKLIST_OF_B: checklistB.id,
    visitId: visitB.json().id,
    actionId: visitB.json().actions[0].id,
    packId: packB.json().id,
    surveyId: surveyB.json().id,
    SURVEY_OF_B: surveyB.json().id,
    followUpId: followUpB!.id,
  };
  markersOfB = [
    b.id,
    b.slug,
    b.nameAr,
    userB.id,
    userB.email,
    userB.fullName,
    sessionB!.id,
    clientB.session.csrfToken,
    beneficiaryB.id,
    second.id,
    "البيتاوي",
    "1000000008",
    "1000000024",
    "+966551234567",
    inquiry.id,
    "لبيتا",
    category.id,
    "beta_orphans",
    "إغلاق بيتا الخاص",
    fileB.id,
    "beta-scan",
    "beta secret",
    "مستشفى بيتا",
    complaintBId,
    complaintB.referenceNumber,
    complaintB.trackingToken,
    "شكوى بيتا",
    "مشتكي بيتا",
    claimB.id,
    "مطالب بيتا",
    serviceB.id,
    "خدمة بيتا السرية",
    "عدد أفراد بيتا",
    requestB.id,
    referredB.id,
    referralB.id,
    "سبب إحالة بيتا",
    committeeB.id,
    "لجنة بيتا",
    meetingB.id,
    approvedPolicyB.id,
    draftPolicyB.id,
    libraryB.json().id,
    "سياسة بيتا السرية",
    "هدف بيتا الخاص",
    "رئيس مجلس بيتا",
    "عضو مجلس بيتا",
    "قرار بيتا",
    "دليل بيتا السري",
    noticeB!.id,
    "إشعار بيتا السري",
    checklistB.id,
    "قائمة بيتا الميدانية",
    "بند بيتا الميداني",
    visitB.json().id,
    "مكتب بيتا الميداني",
    "ملاحظات بيتا الميدانية",
    "إجراء بيتا الميداني",
    surveyB.json().id,
    "استبانة بيتا السرية",
    "سؤال بيتا السري",
    followUpB!.id,
    "متابعة بيتا السرية",
  ];
});
afterAll(() => h.close());

describe("cross-tenant matrix", () => {
  it("covers every operation of the API", async () => {
    const document = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const missing = operations.filter((operation) => !(operation in cases));
    expect(missing, "add a cross-tenant case for these operations").toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  });

  it("never shows or changes anything of association B to a user of association A", async () => {
    const before = await snapshotOfB(idsOfB.associationId!);
    const outcomes: Record<string, number> = {};
    const ordered = Object.entries(cases).sort(
      ([, x], [, y]) => Number(x.last ?? false) - Number(y.last ?? false),
    );
    for (const [operation, testCase] of ordered) {
      const [method, template] = operation.split(" ") as [
        "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
        string,
      ];
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const id = idsOfB[name];
        if (!id) throw new Error(`no id of B for path parameter ${name} in ${operation}`);
        return id;
      });
      // Placeholders in capitals inside bodies and queries name ids of B too.
      const fill = (text: string) => text.replace(/\b[A-Z][A-Z_]+\b/g, (name) => idsOfB[name] ?? name);
      const body =
        typeof testCase.body === "object"
          ? JSON.parse(fill(JSON.stringify(testCase.body)))
          : typeof testCase.body === "string" && testCase.contentType === "application/pdf"
            ? Buffer.from(testCase.body)
            : testCase.body;
      const response = await clientA.request(
        method,
        testCase.query ? `${url}?${fill(testCase.query)}` : url,
        body,
        testCase.contentType ? { contentType: testCase.contentType } : {},
      );
      expect(response.statusCode, `${operation} failed on the server: ${response.body}`).toBeLessThan(500);
      outcomes[operation] = response.statusCode;
      for (const marker of markersOfB) {
        expect(response.body.includes(marker), `${operation} leaked ${marker}`).toBe(false);
      }
    }
    const after = await snapshotOfB(idsOfB.associationId!);
    // What A got for each operation aimed at B: refusals and empty answers, never B's data.
    expect(outcomes).toEqual({
      "GET /api/audit-events": 200,
      "GET /api/audit-events/export": 200,
      "GET /api/associations/current": 200,
      "GET /api/users": 200,
      "POST /api/users": 201,
      "PATCH /api/me/preferences": 200,
      "PUT /api/me/password": 200,
      "PUT /api/users/{userId}/roles": 404,
      "POST /api/users/{userId}/deactivate": 404,
      "POST /api/users/{userId}/reactivate": 404,
      "POST /api/users/{userId}/unlock": 404,
      "POST /api/users/{userId}/sessions/end": 404,
      "POST /api/users/{userId}/password-reset": 404,
      "POST /api/users/{userId}/second-factor/reset": 404,
      "GET /api/auth/session": 200,
      "POST /api/auth/sign-in": 401,
      "POST /api/auth/sign-in/second-factor": 401,
      "GET /api/auth/second-factor": 200,
      "POST /api/auth/second-factor/enrolment": 409,
      "POST /api/auth/second-factor/enrolment/confirm": 409,
      "GET /healthz": 200,
      "GET /api/beneficiaries": 200,
      "GET /api/beneficiaries/export": 200,
      "POST /api/beneficiaries/duplicate-check": 200,
      "POST /api/beneficiaries": 201,
      "GET /api/beneficiaries/{beneficiaryId}": 404,
      "PATCH /api/beneficiaries/{beneficiaryId}": 404,
      "POST /api/beneficiaries/{beneficiaryId}/merge": 404,
      "POST /api/beneficiaries/{beneficiaryId}/consents": 404,
      "POST /api/beneficiaries/{beneficiaryId}/consents/{consentId}/withdraw": 404,
      "GET /api/beneficiaries/{beneficiaryId}/timeline": 404,
      "GET /api/beneficiary-categories": 200,
      "POST /api/beneficiary-categories": 201,
      "POST /api/beneficiaries/import": 200,
      "GET /api/beneficiary-imports/{importId}": 404,
      "PUT /api/beneficiary-categories/{categoryId}/aliases": 404,
      "POST /api/interactions": 404,
      "GET /api/interactions": 200,
      "GET /api/interactions/export": 200,
      "POST /api/interactions/{interactionId}/answer": 404,
      "GET /api/liaison-routes": 200,
      "GET /api/liaison/inbox": 200,
      "GET /api/liaison/load": 200,
      "GET /api/field/checklists": 200,
      "POST /api/field/checklists": 201,
      "PUT /api/field/checklists/{checklistId}": 404,
      "GET /api/field/people": 200,
      "POST /api/field/visits": 400,
      "GET /api/field/visits": 200,
      "GET /api/field/visits/{visitId}": 404,
      "POST /api/field/visits/{visitId}/actions": 404,
      "GET /api/field/actions": 200,
      "POST /api/field/actions/{actionId}/done": 404,
      "GET /api/field/summary": 200,
      "POST /api/evidence-packs": 202,
      "GET /api/evidence-packs": 200,
      "GET /api/evidence-packs/{packId}": 404,
      "PUT /api/liaison-routes": 400,
      "POST /api/files": 201,
      "GET /api/files/{fileId}": 404,
      "POST /api/correspondence": 400,
      "GET /api/correspondence": 200,
      "GET /api/correspondence/export": 200,
      "GET /api/calendar/days": 200,
      "PUT /api/calendar/days/{date}": 200,
      "DELETE /api/calendar/days/{date}": 204,
      "GET /api/services": 200,
      "POST /api/services": 201,
      "GET /api/services/{serviceId}": 404,
      "PATCH /api/services/{serviceId}": 404,
      "GET /api/services/{serviceId}/requirements": 404,
      "GET /api/request-settings": 200,
      "PUT /api/request-settings": 200,
      "GET /api/request-settings/policy-wording": 200,
      "PUT /api/request-settings/policy-wording": 400,
      "GET /api/platform/associations": 403,
      "POST /api/platform/associations": 403,
      "POST /api/platform/associations/{associationId}/suspend": 403,
      "POST /api/platform/associations/{associationId}/reactivate": 403,
      "POST /api/requests": 404,
      "GET /api/requests": 200,
      "GET /api/requests/export": 200,
      "GET /api/requests/{requestId}": 404,
      "PUT /api/requests/{requestId}/data": 404,
      "POST /api/requests/{requestId}/documents": 404,
      "POST /api/requests/{requestId}/referrals": 404,
      "POST /api/referrals/{referralId}/study": 404,
      "POST /api/referrals/{referralId}/close": 404,
      "POST /api/requests/{requestId}/declaration": 404,
      "POST /api/requests/{requestId}/declaration/verify": 404,
      "POST /api/requests/{requestId}/cancel": 404,
      "POST /api/requests/{requestId}/deliveries": 404,
      "POST /api/requests/{requestId}/close": 404,
      "GET /api/my-work": 200,
      "GET /api/surveys": 200,
      "POST /api/surveys": 201,
      "GET /api/surveys/my-rating": 200,
      "GET /api/surveys/post-service-counts": 200,
      "GET /api/surveys/{surveyId}": 404,
      "PUT /api/surveys/{surveyId}": 404,
      "POST /api/surveys/{surveyId}/status": 404,
      "GET /api/surveys/{surveyId}/results": 404,
      "GET /api/survey-templates": 200,
      "GET /api/survey-settings": 200,
      "PUT /api/survey-settings": 400,
      "POST /api/survey-campaigns": 400,
      "GET /api/survey-campaigns": 200,
      "GET /api/beneficiaries/{beneficiaryId}/survey-preference": 404,
      "PUT /api/beneficiaries/{beneficiaryId}/survey-preference": 404,
      "GET /api/survey-follow-ups": 200,
      "POST /api/survey-follow-ups/{followUpId}/actions": 404,
      "GET /api/public/surveys/{token}": 404,
      "POST /api/public/surveys/{token}": 404,
      "GET /api/notices": 200,
      "POST /api/notices/{noticeId}/retry": 404,
      "POST /api/notices/{noticeId}/switch": 404,
      "POST /api/notices/{noticeId}/done": 404,
      "POST /api/notices/delivery-reports": 401,
      "GET /api/reports/response-compliance": 200,
      "GET /api/reports/response-compliance/export": 200,
      "GET /api/dashboards/management": 200,
      "GET /api/dashboards/management/export": 200,
      "GET /api/committees": 200,
      "POST /api/committees": 400,
      "POST /api/committee-meetings": 404,
      "GET /api/committee-meetings": 200,
      "GET /api/committee-meetings/{meetingId}": 404,
      "PUT /api/committee-meetings/{meetingId}/attendance": 404,
      "POST /api/committee-meetings/{meetingId}/items/{requestId}/votes": 404,
      "POST /api/committee-meetings/{meetingId}/items/{requestId}/decision": 404,
      "POST /api/committee-meetings/{meetingId}/minutes": 404,
      "POST /api/committee-meetings/{meetingId}/minutes/approve": 404,
      "POST /api/conflict-declarations": 404,
      "POST /api/auth/sign-out": 204,
      "GET /api/public/associations/{slug}/complaint-challenge": 200,
      "POST /api/public/associations/{slug}/complaints": 400,
      "GET /api/public/complaints/{token}": 404,
      "POST /api/portal/associations/{slug}/sign-in/code": 200,
      "POST /api/portal/associations/{slug}/sign-in/verify": 400,
      "POST /api/portal/sign-out": 401,
      "GET /api/portal/me": 401,
      "GET /api/portal/requests": 401,
      "GET /api/portal/requests/{requestId}": 401,
      "GET /api/portal/notices": 401,
      "POST /api/complaints": 404,
      "GET /api/complaints": 200,
      "GET /api/complaints/export": 200,
      "GET /api/complaints/dashboard": 200,
      "GET /api/complaints/{complaintId}": 404,
      "POST /api/complaints/{complaintId}/assign": 404,
      "POST /api/complaints/{complaintId}/notes": 404,
      "POST /api/complaints/{complaintId}/close": 404,
      "POST /api/complaints/{complaintId}/directions": 404,
      "POST /api/compensation-claims": 404,
      "GET /api/compensation-claims": 200,
      "GET /api/compensation-claims/export": 200,
      "GET /api/compensation-claims/{claimId}": 404,
      "POST /api/compensation-claims/{claimId}/proof": 404,
      "POST /api/compensation-claims/{claimId}/rounds": 404,
      "POST /api/compensation-claims/{claimId}/settlement": 404,
      "POST /api/compensation-claims/{claimId}/approve": 404,
      "POST /api/compensation-claims/{claimId}/payments": 404,
      "POST /api/policy/drafts": 201,
      "POST /api/policy/drafts/import": 201,
      "PATCH /api/policy/drafts/{versionId}": 404,
      "POST /api/policy/drafts/{versionId}/approve": 404,
      "GET /api/policy/versions": 200,
      "GET /api/policy/versions/{versionId}": 404,
      "GET /api/policy/current": 404,
      "GET /api/policy/versions/{versionId}/print": 404,
      "GET /api/policy/versions/{versionId}/pdf": 404,
      "GET /api/policy/acknowledgement": 200,
      "POST /api/policy/current/acknowledge": 404,
      "GET /api/policy/acknowledgements": 200,
      "GET /api/policy/acknowledgements/export": 200,
      "GET /api/library": 200,
      "POST /api/library": 400,
      "POST /api/library/{documentId}/versions": 404,
    });
    expect(after).toEqual(before);
  });
});

describe("row-level security backstop", () => {
  it("confines a query that forgets its tenant filter to the current association", async () => {
    const a = await createAssociation(h, "rls-a");
    const b = await createAssociation(h, "rls-b");
    await createUser(h, a.id, ["officer"]);
    await createUser(h, b.id, ["officer"]);
    const seen = await h.db.tenant(a.id, async (tx) => ({
      users: await tx.select().from(users),
      associations: await tx.select().from(associations),
      audit: await tx.select().from(auditEvents),
      role: ((await tx.execute(sql`select current_user as role`)) as unknown as { rows: { role: string }[] })
        .rows[0]!,
    }));
    expect(seen.role.role).toBe("silah_app");
    expect(seen.users.length).toBeGreaterThan(0);
    expect(seen.users.every((u) => u.associationId === a.id)).toBe(true);
    expect(seen.associations.map((x) => x.id)).toEqual([a.id]);
    expect(seen.audit.every((e) => e.associationId === a.id)).toBe(true);
  });

  it("refuses to write a row into another association, and cannot touch its rows", async () => {
    const a = await createAssociation(h, "rls-w-a");
    const b = await createAssociation(h, "rls-w-b");
    const userB = await createUser(h, b.id, ["officer"]);
    await expect(
      h.db.tenant(a.id, (tx) =>
        tx
          .insert(users)
          .values({ associationId: b.id, email: "intruder@example.test", fullName: "x", passwordHash: "x" }),
      ),
    ).rejects.toThrow();
    const changed = await h.db.tenant(a.id, (tx) =>
      tx.update(users).set({ fullName: "تغيير" }).where(eq(users.id, userB.id)).returning(),
    );
    expect(changed).toEqual([]);
    const deleted = await h.db.tenant(a.id, (tx) =>
      tx.delete(users).where(eq(users.id, userB.id)).returning(),
    );
    expect(deleted).toEqual([]);
  });

  it("sees nothing at all when no association is set", async () => {
    const rows = await h.db.raw.transaction(async (tx) => {
      await tx.execute(sql`set local role silah_app`);
      return tx.select().from(users);
    });
    expect(rows).toEqual([]);
  });

  it("keeps the audit log append-only, even for the owner", async () => {
    const a = await createAssociation(h, "append");
    await expect(
      h.db.tenant(a.id, (tx) =>
        tx.update(auditEvents).set({ type: "x" }).where(eq(auditEvents.associationId, a.id)),
      ),
    ).rejects.toThrow();
    const error = await h.db
      .system((tx) => tx.delete(auditEvents).where(eq(auditEvents.associationId, a.id)))
      .catch((e: Error & { cause?: Error }) => e);
    expect((error as Error & { cause?: Error }).cause?.message).toMatch(/append-only/);
  });
});
