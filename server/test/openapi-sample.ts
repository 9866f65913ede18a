import { nationalIdCheckDigit } from "../../shared/domain/national-id.js";

/**
 * Values for requests built from the generated OpenAPI document: a plausible example for each
 * schema (so a request gets past validation and reaches the service and the database), then
 * hostile variants of it. Deterministic for a seed, so a failure found once is found again.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** mulberry32: a tiny seeded generator; the whole run follows from one number. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    uuid: () =>
      "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => Math.floor(next() * 16).toString(16)),
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Ids and values that exist in the fuzzed association, by the property or parameter name that takes them. */
export type Known = Record<string, string>;

export function createSampler(random: Random, known: Known) {
  let counter = 0;
  const unique = () => ++counter;

  const candidates = (key: string) => [
    known[key],
    "2026-03-10",
    "1447-08-01",
    "10:30",
    "alpha_code",
    "1",
    "ABC",
    "a",
    "0551234567",
    `fuzz-${unique()}`,
  ];

  function text(schema: JsonSchema, key: string): string {
    const lower = key.toLowerCase();
    if (known[key]) return known[key]!;
    if (lower === "nationalid" || lower.endsWith("nationalid")) {
      const nine = `1${String(100_000_000 + unique() * 7919).slice(-8)}`;
      return `${nine}${nationalIdCheckDigit(nine)}`;
    }
    if (lower.includes("phone") || lower === "mobile") return `055${String(1_000_000 + unique()).slice(-7)}`;
    if (schema.format === "email" || lower.endsWith("email")) return `fuzz${unique()}@example.test`;
    if (lower.includes("password")) return `Fuzz-${unique()}-Correct-Horse-Staple!`;
    if (schema.format === "uuid") return known[key.replace(/s$/, "")] ?? random.uuid();
    if (schema.format === "date-time") return "2026-03-10T09:00:00.000Z";
    if (schema.format === "date" || /date$/i.test(key) || key === "on" || key === "heldOn") {
      return lower.includes("hijri") ? "1447-08-01" : "2026-03-10";
    }
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern, "u");
      const found = candidates(key).find((c) => c !== undefined && pattern.test(c) && fits(schema, c));
      if (found) return found;
    }
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? 200;
    let value = "نص تجريبي للفحص";
    while (value.length < min) value += " نص";
    return value.slice(0, Math.max(max, 1));
  }

  function fits(schema: JsonSchema, value: string) {
    return value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
  }

  function number(schema: JsonSchema, integer: boolean): number {
    let low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    const high =
      schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100);
    if (low > high) low = high;
    const value = Math.min(Math.max(1, low), high);
    return integer ? Math.ceil(value) : value;
  }

  /** A value the schema accepts, as far as a JSON Schema can say (refinements are guessed by name). */
  function sample(schema: JsonSchema | undefined, key = "", depth = 0): unknown {
    if (!schema || depth > 8) return null;
    if ("const" in schema) return schema.const;
    if (schema.enum) return schema.enum[0];
    const options = schema.anyOf ?? schema.oneOf;
    if (options) {
      const chosen = options.find((o) => o.type !== "null") ?? options[0];
      return sample(chosen, key, depth + 1);
    }
    if (schema.allOf) {
      return Object.assign({}, ...schema.allOf.map((part) => sample(part, key, depth + 1) as object));
    }
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
    switch (type) {
      case "object": {
        const out: Record<string, unknown> = {};
        for (const [name, child] of Object.entries(schema.properties ?? {})) {
          out[name] = sample(child, name, depth + 1);
        }
        return out;
      }
      case "array": {
        const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
        return Array.from({ length: count }, () => sample(schema.items, key, depth + 1));
      }
      case "string":
        return text(schema, key);
      case "integer":
        return number(schema, true);
      case "number":
        return number(schema, false);
      case "boolean":
        return true;
      case "null":
        return null;
      default:
        return "نص";
    }
  }

  /** The same object with only what the schema requires, for when the full example is refused. */
  function sampleRequired(schema: JsonSchema | undefined): unknown {
    const full = sample(schema);
    if (!schema?.properties || full === null || typeof full !== "object" || Array.isArray(full)) return full;
    const required = new Set(schema.required ?? []);
    return Object.fromEntries(Object.entries(full).filter(([name]) => required.has(name)));
  }

  return { sample, sampleRequired, text };
}

/** Paths (as key lists) of every string inside a JSON value. */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
  }
  return [];
}

/** A deep copy with one leaf replaced. */
export function withValue(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, i) => (i === head ? withValue(item, rest, replacement) : item));
  }
  const object = (value ?? {}) as Record<string, unknown>;
  return { ...object, [head!]: withValue(object[head!], rest, replacement) };
}

/** Every leaf replaced by a value of another JSON type. */
export function wrongTypes(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "not a number";
  if (typeof value === "boolean") return "yes";
  if (value === null) return { unexpected: true };
  if (Array.isArray(value)) return { length: value.length };
  return Object.fromEntries(Object.entries(value as object).map(([key, child]) => [key, wrongTypes(child)]));
}
