import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleNames } from "../../../shared/contracts/export-labels.js";
import {
  acknowledgementExportQuerySchema,
  acknowledgementReportSchema,
  acknowledgementViewSchema,
  acknowledgePolicyRequestSchema,
  approvePolicyRequestSchema,
  createLibraryDocumentRequestSchema,
  libraryDocumentParamsSchema,
  libraryDocumentViewSchema,
  libraryListQuerySchema,
  libraryListResponseSchema,
  libraryVersionRequestSchema,
  myAcknowledgementSchema,
  policyDraftPatchSchema,
  policyDraftRequestSchema,
  policyImportResponseSchema,
  policyVersionListSchema,
  policyVersionParamsSchema,
  policyVersionViewSchema,
} from "../../../shared/contracts/policy.js";
import { exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import {
  presentAcknowledgement,
  presentLibraryDocument,
  presentVersion,
  presentVersionSummary,
} from "./policy.presenter.js";
import type { PolicyService } from "./policy.service.js";

const tags = ["policy"];
const libraryTags = ["library"];
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const importLimit = 5 * 1024 * 1024;

export function policyRoutes(service: PolicyService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    // An existing policy arrives as its text (UTF-8) or as the Word file's bytes.
    app.addContentTypeParser("text/plain", { parseAs: "string", bodyLimit: importLimit }, (_r, body, done) =>
      done(null, body),
    );
    app.addContentTypeParser(docxType, { parseAs: "buffer", bodyLimit: importLimit }, (_r, body, done) =>
      done(null, body),
    );

    // ——— Versions and drafts (P1) ———
    app.post(
      "/api/policy/drafts",
      {
        schema: {
          tags,
          summary: "Start a draft of the association's policy",
          body: policyDraftRequestSchema,
          response: { 201: policyVersionViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentVersion(await service.createDraft(request.actor(), request.body))),
    );

    app.post(
      "/api/policy/drafts/import",
      {
        bodyLimit: importLimit,
        // Authorized before the body is read or parsed.
        onRequest: async (request) => service.authorizeDraftImport(request.actor()),
        schema: {
          tags,
          summary:
            "Read the association's existing policy (UTF-8 text or a .docx) into a draft; answers with the draft and what was found",
          consumes: ["text/plain", docxType],
          body: z.union([z.string().max(importLimit), z.instanceof(Buffer)]),
          response: { 201: policyImportResponseSchema },
        },
      },
      async (request, reply) => {
        const { draft, found } = await service.importDraft(request.actor(), request.body);
        return reply.status(201).send({ draft: presentVersion(draft), found });
      },
    );

    app.patch(
      "/api/policy/drafts/:versionId",
      {
        schema: {
          tags,
          summary: "Edit a draft; the parts sent replace those of the draft",
          params: policyVersionParamsSchema,
          body: policyDraftPatchSchema,
          response: { 200: policyVersionViewSchema },
        },
      },
      async (request) =>
        presentVersion(await service.updateDraft(request.actor(), request.params.versionId, request.body)),
    );

    app.post(
      "/api/policy/drafts/:versionId/approve",
      {
        schema: {
          tags,
          summary:
            "Record the board's approval: the draft becomes the current policy and the previous one is superseded",
          params: policyVersionParamsSchema,
          body: approvePolicyRequestSchema,
          response: { 200: policyVersionViewSchema },
        },
      },
      async (request) =>
        presentVersion(await service.approve(request.actor(), request.params.versionId, request.body)),
    );

    app.get(
      "/api/policy/versions",
      {
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary:
            "Every version of the policy: drafts (for those who edit or approve them), the current, the superseded",
          response: { 200: policyVersionListSchema },
        },
      },
      async (request) => ({ items: (await service.versions(request.actor())).map(presentVersionSummary) }),
    );

    app.get(
      "/api/policy/versions/:versionId",
      {
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary: "One version of the policy with its board approval",
          params: policyVersionParamsSchema,
          response: { 200: policyVersionViewSchema },
        },
      },
      async (request) => presentVersion(await service.version(request.actor(), request.params.versionId)),
    );

    app.get(
      "/api/policy/current",
      {
        // Reading and signing the policy is what an unsigned employee is sent to do.
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary: "The policy in force: the version the board approved last",
          response: { 200: policyVersionViewSchema },
        },
      },
      async (request) => presentVersion(await service.current(request.actor())),
    );

    // ——— The printed policy (P4) ———
    app.get(
      "/api/policy/versions/:versionId/print",
      {
        // Reading and signing the policy is what an unsigned employee is sent to do.
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary:
            "The version as the association's official Arabic document (HTML, printable from the browser)",
          params: policyVersionParamsSchema,
          produces: ["text/html"],
        },
      },
      async (request, reply) =>
        reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "private, no-store")
          // The document is self-contained: nothing may load from elsewhere.
          .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
          .send(await service.printHtml(request.actor(), request.params.versionId)),
    );

    app.get(
      "/api/policy/versions/:versionId/pdf",
      {
        // Reading and signing the policy is what an unsigned employee is sent to do.
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary:
            "The official document as PDF (503 pdf_unavailable where the server has no browser to render it)",
          params: policyVersionParamsSchema,
          produces: ["application/pdf"],
        },
      },
      async (request, reply) => {
        const { pdf, versionNumber } = await service.printPdf(request.actor(), request.params.versionId);
        const name = `policy-${versionNumber ?? "draft"}.pdf`;
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .header("cache-control", "private, no-store")
          .send(pdf);
      },
    );

    // ——— Staff acknowledgement (P3) ———
    app.get(
      "/api/policy/acknowledgement",
      {
        // Reading and signing the policy is what an unsigned employee is sent to do.
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary: "Whether the signed-in user must still read and sign the current policy",
          response: { 200: myAcknowledgementSchema },
        },
      },
      async (request) => {
        const { current, signed } = await service.myAcknowledgement(request.actor());
        return {
          current: current ? { id: current.id, versionNumber: current.versionNumber } : null,
          mustSign: current !== null && signed === null,
          signed: current && signed ? presentAcknowledgement(signed, current) : null,
        };
      },
    );

    app.post(
      "/api/policy/current/acknowledge",
      {
        // Reading and signing the policy is what an unsigned employee is sent to do.
        config: { beforeAcknowledgement: true },
        schema: {
          tags,
          summary: "Sign the current policy as read, typing one's full name",
          body: acknowledgePolicyRequestSchema,
          response: { 200: acknowledgementViewSchema },
        },
      },
      async (request) => {
        const { signature, version } = await service.acknowledge(request.actor(), request.body);
        return presentAcknowledgement(signature, version);
      },
    );

    app.get(
      "/api/policy/acknowledgements",
      {
        schema: {
          tags,
          summary: "Who has signed the current policy and who has not (HR, management)",
          response: { 200: acknowledgementReportSchema },
        },
      },
      async (request) => service.acknowledgementReport(request.actor()),
    );

    app.get(
      "/api/policy/acknowledgements/export",
      {
        schema: {
          tags,
          summary: "Who has signed the current policy, as on screen (all, pending, signed), as CSV or Excel",
          querystring: acknowledgementExportQuerySchema,
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const { staff: rows } = await service.acknowledgementReport(actor, q.show);
        return sendAuditedExport(reply, {
          audit: audit,
          list: "policy_acknowledgements",
          query: q,
          format: q.format,
          name: "توقيعات الموظفين على السياسة",
          asciiName: "policy-acknowledgements",
          sheetName: "توقيعات الموظفين",
          columns: [
            { header: "الموظف", value: (p) => p.fullName },
            {
              header: "الأدوار",
              value: (p) => p.roles.map((r) => roleNames[r as keyof typeof roleNames] ?? r).join("، "),
            },
            { header: "الحالة", value: (p) => (p.signed ? "وقّع" : "لم يوقّع") },
            { header: "تاريخ التوقيع", kind: "datetime", value: (p) => p.signedAt },
          ],
          rows,
          reader: actor,
        });
      },
    );

    // ——— The officer's library (T1) ———
    app.get(
      "/api/library",
      {
        schema: {
          tags: libraryTags,
          summary:
            "The officer's library, searchable by title in any Arabic spelling, by kind or by handling step",
          querystring: libraryListQuerySchema,
          response: { 200: libraryListResponseSchema },
        },
      },
      async (request) => ({
        items: (await service.library(request.actor(), request.query)).map(presentLibraryDocument),
      }),
    );

    app.post(
      "/api/library",
      {
        schema: {
          tags: libraryTags,
          summary: "Add a document to the library with its first version (an uploaded file)",
          body: createLibraryDocumentRequestSchema,
          response: { 201: libraryDocumentViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentLibraryDocument(await service.addDocument(request.actor(), request.body))),
    );

    app.post(
      "/api/library/:documentId/versions",
      {
        schema: {
          tags: libraryTags,
          summary: "Add a new version of a library document; the newest is the one in force",
          params: libraryDocumentParamsSchema,
          body: libraryVersionRequestSchema,
          response: { 201: libraryDocumentViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentLibraryDocument(
              await service.addDocumentVersion(request.actor(), request.params.documentId, request.body),
            ),
          ),
    );
  };
}
