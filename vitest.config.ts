import { defineConfig } from "vitest/config";

// Three layers (CONVENTIONS §11): pure logic, database-backed services and routes, browser journeys.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["shared/**/*.test.ts", "server/**/*.unit.test.ts", "web/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "db",
          sequence: { groupOrder: 1 },
          include: ["server/**/*.test.ts"],
          exclude: ["server/**/*.unit.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite instances are memory-heavy WebAssembly; two workers match the two cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["e2e/**/*.e2e.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
