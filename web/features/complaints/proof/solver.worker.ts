/**
 * Solves the public page's ALTCHA challenge off the main thread with the browser's own PBKDF2
 * (Web Crypto): altcha-lib's solver and message protocol, nothing fetched from elsewhere.
 */
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { handler } from "altcha-lib/workers/shared";

handler({ deriveKey });
