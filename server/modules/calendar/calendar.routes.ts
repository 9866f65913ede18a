import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  calendarDateParamsSchema,
  calendarDayViewSchema,
  calendarYearQuerySchema,
  calendarYearResponseSchema,
  setCalendarDayRequestSchema,
} from "../../../shared/contracts/calendar.js";
import type { CalendarService } from "./calendar.service.js";

const tags = ["calendar"];

export function calendarRoutes(service: CalendarService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/calendar/days",
      {
        schema: {
          tags,
          summary:
            "Holidays and closures of a Gregorian year: generated, then as the administrator corrected them",
          querystring: calendarYearQuerySchema,
          response: { 200: calendarYearResponseSchema },
        },
      },
      async (request) => service.year(request.actor(), request.query.year),
    );

    app.put(
      "/api/calendar/days/:date",
      {
        schema: {
          tags,
          summary: "Mark a day as a holiday, a closure, or a working day (correcting a generated holiday)",
          params: calendarDateParamsSchema,
          body: setCalendarDayRequestSchema,
          response: { 200: calendarDayViewSchema },
        },
      },
      async (request) => service.setDay(request.actor(), request.params.date, request.body),
    );

    app.delete(
      "/api/calendar/days/:date",
      {
        schema: {
          tags,
          summary: "Remove the administrator's edit of a day",
          params: calendarDateParamsSchema,
        },
      },
      async (request, reply) => {
        await service.clearDay(request.actor(), request.params.date);
        return reply.status(204).send();
      },
    );
  };
}
