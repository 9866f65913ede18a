import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestStates } from "../../../shared/contracts/requests.js";
import { isRefusal, nextState, requestEvents, terminalStates, transitions } from "./requests.machine.js";

const events = fc.constantFrom(...requestEvents);

describe("a support request's state machine", () => {
  it("never reaches an undefined state, whatever events arrive in whatever order", () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 60 }), (sequence) => {
        let state: (typeof requestStates)[number] = "draft";
        for (const event of sequence) {
          const next = nextState(state, event);
          if (isRefusal(next)) {
            expect(next.code).toBe("invalid_transition");
            expect(next.message.ar).toMatch(/لا يمكن/);
            continue;
          }
          expect(requestStates).toContain(next);
          state = next;
        }
      }),
    );
  });

  it("accepts nothing once rejected, closed or cancelled", () => {
    fc.assert(
      fc.property(fc.constantFrom(...terminalStates), events, (state, event) => {
        expect(isRefusal(nextState(state, event))).toBe(true);
      }),
    );
  });

  it("allows exactly the moves in the table", () => {
    fc.assert(
      fc.property(fc.constantFrom(...requestStates), events, (state, event) => {
        const next = nextState(state, event);
        const listed = transitions[state][event];
        if (listed) expect(next).toBe(listed);
        else expect(isRefusal(next)).toBe(true);
      }),
    );
    for (const state of requestStates) {
      for (const to of Object.values(transitions[state])) expect(requestStates).toContain(to);
    }
  });

  it("reaches a decision only through the committee, and delivery only after acceptance", () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 60 }), (sequence) => {
        let state: (typeof requestStates)[number] = "draft";
        for (const event of sequence) {
          const next = nextState(state, event);
          if (isRefusal(next)) continue;
          if (next === "accepted" || next === "rejected") expect(state).toBe("in_committee");
          if (next === "in_committee") expect(state).toBe("declared");
          if (next === "delivering") expect(["accepted", "delivering"]).toContain(state);
          state = next;
        }
      }),
    );
  });

  it("every state but the terminal ones can still move", () => {
    for (const state of requestStates) {
      const moves = Object.keys(transitions[state]).length;
      expect(moves === 0).toBe(terminalStates.includes(state));
    }
  });
});
