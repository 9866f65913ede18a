import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  deliveryReportResponseSchema,
  deliveryReportSchema,
  markNoticeDoneRequestSchema,
  noticeIdParamsSchema,
  noticeListQuerySchema,
  noticeListResponseSchema,
  noticeViewSchema,
  switchNoticeRequestSchema,
} from "../../../shared/contracts/notifications.js";
import { presentNotice } from "./notifications.presenter.js";
import type { NotificationsService } from "./notifications.service.js";

const tags = ["notifications"];

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/notices",
      {
        schema: {
          tags,
          summary: "Notices of a request, a complaint or a beneficiary, or the open tasks for staff",
          querystring: noticeListQuerySchema,
          response: { 200: noticeListResponseSchema },
        },
      },
      async (request) => {
        const { open, ...filter } = request.query;
        const rows = await service.list(request.actor(), { ...filter, open: open === "true" });
        return { items: rows.map(presentNotice) };
      },
    );

    app.post(
      "/api/notices/:noticeId/retry",
      {
        schema: {
          tags,
          summary: "Send a failed notice again",
          params: noticeIdParamsSchema,
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const id = await service.retry(request.actor(), request.params.noticeId);
        return presentNotice(await service.listOne(request.actor(), id));
      },
    );

    app.post(
      "/api/notices/:noticeId/switch",
      {
        schema: {
          tags,
          summary: "Send the same notice on another channel (the first is superseded)",
          params: noticeIdParamsSchema,
          body: switchNoticeRequestSchema,
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const id = await service.switchChannel(
          request.actor(),
          request.params.noticeId,
          request.body.channel,
        );
        return presentNotice(await service.listOne(request.actor(), id));
      },
    );

    app.post(
      "/api/notices/:noticeId/done",
      {
        schema: {
          tags,
          summary: "Mark a phone call or letter done (who and when are kept)",
          params: noticeIdParamsSchema,
          body: markNoticeDoneRequestSchema,
          response: { 200: noticeViewSchema },
        },
      },
      async (request) => {
        const id = await service.markDone(request.actor(), request.params.noticeId);
        return presentNotice(await service.listOne(request.actor(), id));
      },
    );

    app.post(
      "/api/notices/delivery-reports",
      {
        // The SMS/WhatsApp gateway calls this: no session, the shared secret as a bearer token.
        config: { access: "public" },
        schema: {
          tags,
          summary: "The gateway reports a message delivered or failed (bearer: the shared secret)",
          body: deliveryReportSchema,
          response: { 200: deliveryReportResponseSchema },
        },
      },
      async (request) => {
        const header = request.headers.authorization;
        const secret = header?.startsWith("Bearer ") ? header.slice(7) : undefined;
        return { accepted: await service.deliveryReport(secret, request.body) };
      },
    );
  };
}
