import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.js";

const DECIMAL = /^-?\d{1,14}(\.\d{1,10})?$/;

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string in UTC.",
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()),
  parseValue: (v) => {
    const d = typeof v === "string" ? new Date(v) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) throw new GraphQLError("DateTime must be an ISO 8601 string, e.g. 2026-01-31T00:00:00Z");
    return d;
  },
});

builder.scalarType("Decimal", {
  description: 'An exact decimal number as a string (money is never a float), e.g. "12.50".',
  serialize: (v) => v.toString(),
  parseValue: (v) => {
    const s = typeof v === "number" && Number.isFinite(v) ? String(v) : v;
    if (typeof s !== "string" || !DECIMAL.test(s.trim())) throw new GraphQLError('Decimal must be a decimal string such as "12.50"');
    return s.trim();
  },
  parseLiteral: (ast) => {
    const s = ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined;
    if (s === undefined || !DECIMAL.test(s)) throw new GraphQLError('Decimal must be a decimal string such as "12.50"');
    return s;
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON.",
  serialize: (v) => v,
  parseValue: (v) => v,
});
