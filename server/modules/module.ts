import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { JobHandler } from "../jobs/queue.js";

/** What every domain module hands to the app: its routes, and optionally hooks on the whole server. */
export type SilahModule = {
  name: string;
  routes: FastifyPluginAsyncZod;
  hooks?: (app: FastifyInstance) => void;
  /** Background work this module does, by job kind; registered on the shared queue. */
  jobs?: Record<string, JobHandler>;
};
