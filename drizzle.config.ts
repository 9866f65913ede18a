import { defineConfig } from "drizzle-kit";

// Used only to generate SQL migrations; they are applied from code at start-up (server/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: ["./server/db/schema.ts", "./server/db/schema-complaints.ts", "./server/db/schema-policy.ts"],
  out: "./server/db/migrations",
});
