import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  fileIdParamsSchema,
  fileViewSchema,
  uploadFileQuerySchema,
} from "../../../shared/contracts/files.js";
import { attachmentDisposition } from "./file-name.js";
import type { FileRow } from "./files.repository.js";
import type { FilesService } from "./files.service.js";
import { servedMediaTypes } from "./media-type.js";

const tags = ["files"];

/** Only the accepted and generated types are served as themselves; anything else (a row from before the checks) is bytes. */
function servedType(mediaType: string): string {
  return servedMediaTypes.includes(mediaType) ? mediaType : "application/octet-stream";
}

export function presentFile(row: FileRow) {
  return {
    id: row.id,
    name: row.originalName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export function filesRoutes(service: FilesService): FastifyPluginAsyncZod {
  return async (app) => {
    // Uploads are the file's bytes as the body: whatever the browser says the type is, the
    // service decides from the content.
    app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: service.maxBytes + 1 }, (_r, body, done) =>
      done(null, body),
    );

    app.post(
      "/api/files",
      {
        bodyLimit: service.maxBytes + 1,
        schema: {
          tags,
          summary: "Upload a PDF or an image (the body is the file); the type is read from the content",
          querystring: uploadFileQuerySchema,
          body: z.instanceof(Buffer).optional(),
          response: { 201: fileViewSchema },
        },
      },
      async (request, reply) => {
        const bytes = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
        const row = await service.upload(request.actor(), { name: request.query.name, bytes });
        return reply.status(201).send(presentFile(row));
      },
    );

    app.get(
      "/api/files/:fileId",
      { schema: { tags, summary: "Download a file (the read is logged)", params: fileIdParamsSchema } },
      async (request, reply) => {
        const { row, stream } = await service.open(request.actor(), request.params.fileId);
        // Always a download, never rendered in the page's origin; the browser may not second-guess
        // the type, and if something does render it, it runs nothing and loads nothing.
        return reply
          .type(servedType(row.mediaType))
          .header("content-length", String(row.size))
          .header("content-disposition", attachmentDisposition(row.originalName))
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'; sandbox")
          .header("cache-control", "private, no-store")
          .send(stream);
      },
    );
  };
}
