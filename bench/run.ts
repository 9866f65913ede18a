import { runDashboardsBench } from "./dashboards.bench.js";
import { runSatisfactionBench } from "./satisfaction.bench.js";
import { runSearchBench } from "./search.bench.js";
import { runToolkitBench } from "./toolkit.bench.js";

// Benches run one after another so their timings do not disturb each other; each prints its own header.
const benches: (() => Promise<void>)[] = [
  runToolkitBench,
  runSearchBench,
  runDashboardsBench,
  runSatisfactionBench,
];

for (const bench of benches) {
  await bench();
  console.log("");
}
