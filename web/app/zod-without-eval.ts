import { z } from "zod";

// zod probes for eval (`Function("")`) when it builds an object schema, to compile faster
// validators; the page's Content-Security-Policy forbids eval, so the probe only reports a violation.
// Imported first by main.tsx, before any module builds a schema. Interpreted validation is fast enough.
z.config({ jitless: true });
