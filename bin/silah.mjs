#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx's loader: no build step between a clone and a run.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
