import "@fontsource/ibm-plex-sans-arabic/400.css";
import "@fontsource/ibm-plex-sans-arabic/500.css";
import "@fontsource/ibm-plex-sans-arabic/700.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { z } from "zod";
import { Providers } from "./providers.js";
import { router } from "./router.js";

// zod probes for eval (`Function("")`) to compile faster validators; the page's Content-Security-Policy
// forbids eval, so the probe only reports a violation. Interpreted validation is fast enough here.
z.config({ jitless: true });

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root");

createRoot(container).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
