import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  beneficiaryIdParamsSchema,
  beneficiarySearchQuerySchema,
  beneficiarySearchResponseSchema,
  beneficiaryViewSchema,
  categoryIdParamsSchema,
  categoryListResponseSchema,
  categoryViewSchema,
  consentIdParamsSchema,
  consentViewSchema,
  createBeneficiaryRequestSchema,
  createCategoryRequestSchema,
  duplicateCheckRequestSchema,
  duplicateCheckResponseSchema,
  importIdParamsSchema,
  importProgressSchema,
  importQuerySchema,
  importReportSchema,
  mergeBeneficiaryRequestSchema,
  recordConsentRequestSchema,
  updateBeneficiaryRequestSchema,
  updateCategoryAliasesRequestSchema,
} from "../../../shared/contracts/beneficiaries.js";
import { exportQuerySchema, exportRowLimit } from "../../../shared/contracts/exports.js";
import { exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import { presentBeneficiary } from "./beneficiaries.presenter.js";
import type { BeneficiariesService } from "./beneficiaries.service.js";
import { summary } from "./beneficiaries.service.js";
import type { ImportService } from "./import.service.js";

const tags = ["beneficiaries"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const presentConsent = (c: {
  id: string;
  purpose: string;
  noticeVersion: string;
  givenAt: Date;
  withdrawnAt: Date | null;
}) => ({
  id: c.id,
  purpose: c.purpose,
  noticeVersion: c.noticeVersion,
  givenAt: c.givenAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
});

const presentCategory = (c: {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string | null;
  aliases: string[];
  active: boolean;
}) => ({
  id: c.id,
  code: c.code,
  nameAr: c.nameAr,
  nameEn: c.nameEn,
  aliases: c.aliases,
  active: c.active,
});

export function beneficiariesRoutes(
  service: BeneficiariesService,
  importer: ImportService,
  audit: AuditService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );
    app.addContentTypeParser([xlsxType], { parseAs: "buffer" }, (_request, body, done) => done(null, body));

    app.get(
      "/api/beneficiaries",
      {
        schema: {
          tags,
          summary: "Find beneficiaries by any part of the name in any spelling, by ID, phone or file number",
          querystring: beneficiarySearchQuerySchema,
          response: { 200: beneficiarySearchResponseSchema },
        },
      },
      async (request) => {
        const hits = await service.search(request.actor(), request.query);
        return {
          items: hits.map((hit) => ({
            ...summary(hit),
            matchedBy: hit.matchedBy,
            matchedMember: hit.matchedMember
              ? {
                  fullName: hit.matchedMember.fullName,
                  relation: hit.matchedMember.relation as "other",
                }
              : null,
            score: Math.round(hit.score * 1000) / 1000,
          })),
        };
      },
    );

    app.get(
      "/api/beneficiaries/export",
      {
        schema: {
          tags,
          summary: "The beneficiaries a search finds, as CSV or Excel with Arabic headers",
          querystring: exportQuerySchema(beneficiarySearchQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const hits = await service.search(actor, { q: q.q, limit: exportRowLimit + 1 });
        return sendAuditedExport(reply, {
          audit: audit,
          list: "beneficiaries",
          query: q,
          freeText: ["q"],
          format: q.format,
          name: "المستفيدون",
          asciiName: "beneficiaries",
          sheetName: "المستفيدون",
          columns: [
            { header: "رقم الملف", kind: "number", value: (b) => b.fileNumber },
            { header: "الاسم", value: (b) => b.fullName },
            { header: "رقم الهوية", value: (b) => b.nationalId },
            { header: "تاريخ الميلاد", kind: "date", value: (b) => b.birthDate },
            { header: "الجوال", value: (b) => b.phones.join("، ") },
            { header: "المدينة", value: (b) => b.city },
            { header: "الفئة", value: (b) => b.categoryCode },
          ],
          rows: hits.map(summary),
          reader: actor,
        });
      },
    );

    app.post(
      "/api/beneficiaries/duplicate-check",
      {
        schema: {
          tags,
          summary: "Possible duplicates of a person about to be registered or edited, with the reasons",
          body: duplicateCheckRequestSchema,
          response: { 200: duplicateCheckResponseSchema },
        },
      },
      async (request) => ({ candidates: await service.checkDuplicates(request.actor(), request.body) }),
    );

    app.post(
      "/api/beneficiaries",
      {
        schema: {
          tags,
          summary: "Register a beneficiary (refused with possible_duplicates until confirmed)",
          body: createBeneficiaryRequestSchema,
          response: { 201: beneficiaryViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentBeneficiary(await service.register(request.actor(), request.body))),
    );

    app.get(
      "/api/beneficiaries/:beneficiaryId",
      {
        schema: {
          tags,
          summary: "A beneficiary's file (the read is logged)",
          description:
            "A record merged into another answers 308 Permanent Redirect with `Location` at the kept file " +
            "(HTTP clients and browsers follow it); its id then differs from the one asked for.",
          params: beneficiaryIdParamsSchema,
          response: {
            200: beneficiaryViewSchema,
            308: z.object({ mergedInto: z.string().uuid() }).describe("Merged into the file at Location"),
          },
        },
      },
      async (request, reply) => {
        const file = await service.get(request.actor(), request.params.beneficiaryId);
        if ("mergedInto" in file) {
          return reply
            .status(308)
            .header("location", `/api/beneficiaries/${file.mergedInto}`)
            .send({ mergedInto: file.mergedInto });
        }
        return presentBeneficiary(file);
      },
    );

    app.patch(
      "/api/beneficiaries/:beneficiaryId",
      {
        schema: {
          tags,
          summary: "Correct a beneficiary's data",
          params: beneficiaryIdParamsSchema,
          body: updateBeneficiaryRequestSchema,
          response: { 200: beneficiaryViewSchema },
        },
      },
      async (request) =>
        presentBeneficiary(await service.update(request.actor(), request.params.beneficiaryId, request.body)),
    );

    app.post(
      "/api/beneficiaries/:beneficiaryId/merge",
      {
        schema: {
          tags,
          summary: "Fold a duplicate record into this one, keeping every history",
          params: beneficiaryIdParamsSchema,
          body: mergeBeneficiaryRequestSchema,
          response: { 200: beneficiaryViewSchema },
        },
      },
      async (request) =>
        presentBeneficiary(
          await service.merge(request.actor(), request.params.beneficiaryId, request.body.duplicateId),
        ),
    );

    app.post(
      "/api/beneficiaries/:beneficiaryId/consents",
      {
        schema: {
          tags,
          summary: "Record the person's consent to a purpose under a notice version (PDPL)",
          params: beneficiaryIdParamsSchema,
          body: recordConsentRequestSchema,
          response: { 201: consentViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentConsent(
              await service.recordConsent(request.actor(), request.params.beneficiaryId, request.body),
            ),
          ),
    );

    app.post(
      "/api/beneficiaries/:beneficiaryId/consents/:consentId/withdraw",
      {
        schema: {
          tags,
          summary: "Record that the person withdrew a consent",
          params: consentIdParamsSchema,
          response: { 200: consentViewSchema },
        },
      },
      async (request) =>
        presentConsent(
          await service.withdrawConsent(
            request.actor(),
            request.params.beneficiaryId,
            request.params.consentId,
          ),
        ),
    );

    app.get(
      "/api/beneficiary-categories",
      {
        schema: {
          tags,
          summary: "The association's beneficiary categories",
          response: { 200: categoryListResponseSchema },
        },
      },
      async (request) => ({ items: (await service.categories(request.actor())).map(presentCategory) }),
    );

    app.post(
      "/api/beneficiary-categories",
      {
        schema: {
          tags,
          summary: "Add a beneficiary category",
          body: createCategoryRequestSchema,
          response: { 201: categoryViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCategory(await service.createCategory(request.actor(), request.body))),
    );

    app.put(
      "/api/beneficiary-categories/:categoryId/aliases",
      {
        schema: {
          tags,
          summary: "Set the other names an import accepts for a category (a singular, a plural, a spelling)",
          params: categoryIdParamsSchema,
          body: updateCategoryAliasesRequestSchema,
          response: { 200: categoryViewSchema },
        },
      },
      async (request) =>
        presentCategory(
          await service.setCategoryAliases(request.actor(), request.params.categoryId, request.body.aliases),
        ),
    );

    app.post(
      "/api/beneficiaries/import",
      {
        bodyLimit: 20 * 1024 * 1024,
        // Before the body is read: a role that may not import gets its 403 without the server
        // first receiving and parsing up to 20 MiB.
        onRequest: async (request) => importer.authorizeImport(request.actor()),
        schema: {
          tags,
          summary:
            "Import existing beneficiaries from a CSV (UTF-8) or Excel file; each row is imported whole or reported",
          description:
            "With `progressId` (a UUID the caller picks) the import's progress can be followed at " +
            "`GET /api/beneficiary-imports/{progressId}` while this request runs.",
          querystring: importQuerySchema,
          consumes: ["text/csv", xlsxType],
          // CSV arrives as text, a workbook as bytes; the parsers above decide which by content type.
          body: z.union([z.string().max(20 * 1024 * 1024), z.instanceof(Buffer)]),
          response: { 200: importReportSchema },
        },
      },
      async (request) =>
        Buffer.isBuffer(request.body)
          ? importer.importXlsx(request.actor(), request.body, request.query.progressId)
          : importer.importCsv(request.actor(), request.body, request.query.progressId),
    );

    app.get(
      "/api/beneficiary-imports/:importId",
      {
        schema: {
          tags,
          summary: "How far an import has come (rows processed of the total) and its summary when done",
          params: importIdParamsSchema,
          response: { 200: importProgressSchema },
        },
      },
      async (request) => importer.progress(request.actor(), request.params.importId),
    );
  };
}
