import { builder } from "../../graphql/builder.js";
import { actorOf } from "../../graphql/context.js";
import { ValidationError } from "../../lib/errors.js";
import { TRANSFER_TYPES, exportConfiguration, importConfiguration, type ImportResult } from "./transfer.service.js";

const TransferType = builder.enumType("TransferType", { values: [...TRANSFER_TYPES.map((t) => t.toUpperCase()), "ALL"] as unknown as readonly ["ALL"] });
const TransferFormat = builder.enumType("TransferFormat", { values: ["JSON", "CSV"] as const });

const ExportRef = builder.objectRef<{ contentType: string; filename: string; body: string }>("ConfigurationExport").implement({
  fields: (t) => ({ filename: t.exposeString("filename"), contentType: t.exposeString("contentType"), data: t.exposeString("body") }),
});
const TypeCount = builder.objectRef<ImportResult["types"][number]>("ImportTypeCount").implement({
  fields: (t) => ({ type: t.exposeString("type"), created: t.exposeInt("created"), updated: t.exposeInt("updated") }),
});
const ImportResultRef = builder.objectRef<ImportResult>("ImportResult").implement({
  fields: (t) => ({ created: t.exposeInt("created"), updated: t.exposeInt("updated"), types: t.field({ type: [TypeCount], resolve: (r) => r.types }) }),
});

builder.queryFields((t) => ({
  exportConfiguration: t.field({
    type: ExportRef,
    authScopes: { authenticated: true },
    description: "The configuration of one type (or ALL, JSON only) as a file's text; needs read access to each type's section.",
    args: { type: t.arg({ type: TransferType, required: true }), format: t.arg({ type: TransferFormat }) },
    resolve: (_r, args, ctx) => exportConfiguration(ctx.deps, actorOf(ctx), args.type.toLowerCase(), (args.format ?? "JSON").toLowerCase()),
  }),
}));

builder.mutationFields((t) => ({
  importConfiguration: t.field({
    type: ImportResultRef,
    authScopes: { authenticated: true },
    errors: { types: [ValidationError] },
    description: "Imports a file exported by exportConfiguration (or written by hand). Every row is validated; a bad row imports nothing.",
    args: { type: t.arg({ type: TransferType, required: true }), format: t.arg({ type: TransferFormat }), data: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => importConfiguration(ctx.deps, actorOf(ctx), args.type.toLowerCase(), args.data, (args.format ?? "JSON").toLowerCase()),
  }),
}));
