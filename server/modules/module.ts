import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** What every domain module hands to the app: its routes, and optionally hooks on the whole server. */
export type SilahModule = {
  name: string;
  routes: FastifyPluginAsyncZod;
  hooks?: (app: FastifyInstance) => void;
};
