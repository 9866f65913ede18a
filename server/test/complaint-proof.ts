import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { FastifyInstance } from "fastify";
import type { ComplaintChallenge } from "../../shared/contracts/complaints.js";

/** Does what the public page's worker does: finds the number the challenge hides, by trying. */
export async function solveComplaintChallenge(challenge: ComplaintChallenge) {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 20_000 });
  if (!solution) throw new Error("the challenge was not solved in time");
  return {
    counter: solution.counter,
    altcha: Buffer.from(JSON.stringify({ challenge, solution })).toString("base64"),
  };
}

/** A challenge fetched from the public page's address and solved, as a browser would. */
export async function solvedComplaintProof(app: FastifyInstance, slug: string, ip = "10.1.1.1") {
  const response = await app.inject({
    method: "GET",
    url: `/api/public/associations/${slug}/complaint-challenge`,
    remoteAddress: ip,
  });
  if (response.statusCode !== 200) throw new Error(`challenge: ${response.statusCode} ${response.body}`);
  const { challenge } = response.json() as { challenge: ComplaintChallenge };
  return { challenge, ...(await solveComplaintChallenge(challenge)) };
}
