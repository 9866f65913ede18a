import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ContactChannel, channelNames } from "../../../shared/contracts/channels.js";
import {
  type Dashboard,
  type DashboardSection,
  dashboardExportQuerySchema,
  dashboardQuerySchema,
  dashboardSchema,
} from "../../../shared/contracts/dashboards.js";
import {
  complaintOutcomeNames,
  complaintStatusNames,
  requestStateNames,
  serviceKindNames,
} from "../../../shared/contracts/export-labels.js";
import { type SurveyTheme, surveyThemeNames } from "../../../shared/contracts/surveys.js";
import { type ExportColumn, exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import type { DashboardsService } from "./dashboards.service.js";

const tags = ["dashboards"];

const bucketNames: Record<string, string> = {
  "0-1": "يوم عمل أو أقل",
  "2-5": "من ٢ إلى ٥ أيام عمل",
  "6-10": "من ٦ إلى ١٠ أيام عمل",
  "11-20": "من ١١ إلى ٢٠ يوم عمل",
  "21+": "أكثر من ٢٠ يوم عمل",
};

type Row = Record<string, string | number | null>;
type Sheet = { title: string; ascii: string; columns: ExportColumn<Row>[]; rows: Row[] };

const named = (names: Record<string, string>) => (key: string) => names[key] ?? key;
const channelName = (key: string) => channelNames[key as ContactChannel]?.ar ?? key;

function counts(
  title: string,
  ascii: string,
  header: string,
  rows: { key: string; label: string | null; count: number }[],
  name: (key: string) => string,
): Sheet {
  return {
    title,
    ascii,
    columns: [
      { header, value: (r) => r.name },
      { header: "العدد", kind: "number", value: (r) => r.count },
    ],
    rows: rows.map((r) => ({ name: r.label ?? name(r.key), count: r.count })),
  };
}

/** Each section of the dashboard as the table behind its chart, for a spreadsheet. */
export function sectionSheet(d: Dashboard, section: DashboardSection): Sheet {
  switch (section) {
    case "requests_by_status":
      return counts(
        "الطلبات حسب الحالة",
        "requests-by-status",
        "الحالة",
        d.requests.byStatus,
        named(requestStateNames),
      );
    case "requests_by_channel":
      return counts("الطلبات حسب القناة", "requests-by-channel", "القناة", d.requests.byChannel, channelName);
    case "requests_by_service":
      return counts("الطلبات حسب الخدمة", "requests-by-service", "الخدمة", d.requests.byService, (k) => k);
    case "requests_by_category":
      return counts(
        "الطلبات حسب فئة الخدمة",
        "requests-by-category",
        "فئة الخدمة",
        d.requests.byCategory,
        named(serviceKindNames),
      );
    case "response_compliance":
      return counts(
        "البت في الطلبات خلال مهلة الرد",
        "response-compliance",
        "الحكم",
        [
          { key: "in_time", label: "بُتّ فيها في المهلة", count: d.response.decidedInTime },
          { key: "late", label: "بُتّ فيها بعد المهلة", count: d.response.decidedLate },
          { key: "overdue", label: "تجاوزت المهلة دون بت", count: d.response.overdue },
          { key: "pending", label: "لم تنته مهلتها", count: d.response.pending },
        ],
        (k) => k,
      );
    case "response_times":
      return counts(
        "مدة البت في الطلبات",
        "response-times",
        "المدة",
        d.response.distribution.map((b) => ({ key: b.bucket, label: null, count: b.count })),
        named(bucketNames),
      );
    case "owners":
      return {
        title: "المفتوح والمتأخر حسب المسؤول",
        ascii: "open-by-owner",
        columns: [
          { header: "المسؤول", value: (r) => r.owner },
          { header: "طلبات مفتوحة", kind: "number", value: (r) => r.openRequests },
          { header: "طلبات تجاوزت الموعد", kind: "number", value: (r) => r.breachedRequests },
          { header: "شكاوى مفتوحة", kind: "number", value: (r) => r.openComplaints },
          { header: "شكاوى تجاوزت الموعد", kind: "number", value: (r) => r.breachedComplaints },
        ],
        rows: d.owners.map((o) => ({
          owner: o.owner?.fullName ?? "غير مُسندة",
          openRequests: o.openRequests,
          breachedRequests: o.breachedRequests,
          openComplaints: o.openComplaints,
          breachedComplaints: o.breachedComplaints,
        })),
      };
    case "complaints_by_status":
      return counts(
        "الشكاوى حسب الحالة",
        "complaints-by-status",
        "الحالة",
        d.complaints.byStatus,
        named(complaintStatusNames),
      );
    case "complaints_by_outcome":
      return counts(
        "الشكاوى حسب النتيجة",
        "complaints-by-outcome",
        "النتيجة",
        d.complaints.byOutcome,
        named(complaintOutcomeNames),
      );
    case "inquiries_by_month":
      return counts("الاستفسارات حسب الشهر", "inquiries-by-month", "الشهر", d.inquiries.byMonth, (k) => k);
    case "inquiries_by_channel":
      return counts(
        "الاستفسارات حسب القناة",
        "inquiries-by-channel",
        "القناة",
        d.inquiries.byChannel,
        channelName,
      );
    case "liaison_load":
      return {
        title: "عبء ضباط الاتصال",
        ascii: "liaison-load",
        columns: [
          { header: "ضابط الاتصال", value: (r) => r.name },
          { header: "استفسارات مفتوحة", kind: "number", value: (r) => r.open },
          { header: "متأخرة عن موعد الإجابة", kind: "number", value: (r) => r.overdue },
          { header: "أُجيبت في المدة", kind: "number", value: (r) => r.answered },
          { header: "أُجيبت متأخرة", kind: "number", value: (r) => r.late },
        ],
        rows: d.liaison.items.map((i) => ({
          name: i.liaison.fullName,
          open: i.openCount,
          overdue: i.overdueCount,
          answered: i.answeredCount,
          late: i.answeredLateCount,
        })),
      };
    case "satisfaction_by_month":
      return {
        title: "الرضا حسب الشهر",
        ascii: "satisfaction-by-month",
        columns: [
          { header: "الشهر", value: (r) => r.month },
          { header: "الإجابات", kind: "number", value: (r) => r.answers },
          { header: "متوسط الرضا (١–٥)", kind: "number", value: (r) => r.csat },
          { header: "صافي نقاط الترويج", kind: "number", value: (r) => r.nps },
        ],
        rows: d.satisfaction.byMonth.map((m) => ({
          month: m.month,
          answers: m.answers,
          csat: m.csat,
          nps: m.nps,
        })),
      };
    case "satisfaction_themes":
      return counts(
        "موضوعات ملاحظات المستفيدين",
        "satisfaction-themes",
        "الموضوع",
        d.satisfaction.themes.map((t) => ({ key: t.theme, label: null, count: t.count })),
        (k) => surveyThemeNames[k as SurveyTheme]?.ar ?? k,
      );
  }
}

export function dashboardsRoutes(deps: {
  dashboards: DashboardsService;
  audit: AuditService;
}): FastifyPluginAsyncZod {
  const { dashboards, audit } = deps;
  return async (app) => {
    app.get(
      "/api/dashboards/management",
      {
        schema: {
          tags,
          summary:
            "Senior management's dashboard for a period: requests, response times, open and breached items by owner, complaints, inquiries, liaison load",
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema },
        },
      },
      async (request) => dashboards.overview(request.actor(), request.query),
    );

    app.get(
      "/api/dashboards/management/export",
      {
        schema: {
          tags,
          summary: "One section of the management dashboard, the table behind its chart, as CSV or Excel",
          querystring: dashboardExportQuerySchema,
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const d = await dashboards.overview(actor, {
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
        });
        const sheet = sectionSheet(d, q.section);
        return sendAuditedExport(reply, {
          audit: audit,
          list: "management_dashboard",
          query: q,
          format: q.format,
          name: sheet.title,
          asciiName: sheet.ascii,
          sheetName: sheet.title.slice(0, 31),
          columns: sheet.columns,
          rows: sheet.rows,
          reader: actor,
        });
      },
    );
  };
}
