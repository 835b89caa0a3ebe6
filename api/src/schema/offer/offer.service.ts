import { z } from "zod";
import type { Offer } from "../../generated/prisma/client.js";
import { ValidationError, type FieldIssue } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { crud } from "../shared/crud.js";
import { country, currency, decimal, httpUrl, name, status, timezone, uuid } from "../shared/inputs.js";
import type { Tx } from "../shared/write.js";

const cap = z.number().int().min(1, "must be at least 1, or null for no cap").max(100_000_000).nullable();

const geoPayout = z.object({ country, payout: decimal(4), currency: currency.optional() }).strict();

const fields = {
  name,
  url: httpUrl,
  clickIdParam: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_.-]*$/, "may contain letters, digits, _ . - only"),
  payoutType: z.enum(["CPA", "REVSHARE"]),
  payout: decimal(4),
  currency,
  dailyCap: cap,
  totalCap: cap,
  capTimezone: timezone,
  networkId: uuid.nullable(),
  externalId: z.string().trim().max(128),
  status,
  geoPayouts: z
    .array(geoPayout)
    .max(250)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((p, i) => {
        if (seen.has(p.country)) ctx.addIssue({ code: "custom", path: [i, "country"], message: `${p.country} appears twice` });
        seen.add(p.country);
      });
    }),
};

export const createOfferInput = z.object(fields).partial().required({ name: true, url: true });
export const updateOfferInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

async function check(tx: Tx, data: Record<string, unknown>, before: Offer | null) {
  const issues: FieldIssue[] = [];
  const payoutType = (data.payoutType as string | undefined) ?? before?.payoutType ?? "CPA";
  const payout = (data.payout as string | undefined) ?? before?.payout.toString() ?? "0";
  if (payoutType === "REVSHARE" && Number(payout) > 100) issues.push({ path: "payout", message: "RevShare is a percent and must be at most 100" });
  const daily = data.dailyCap === undefined ? (before?.dailyCap ?? null) : (data.dailyCap as number | null);
  const total = data.totalCap === undefined ? (before?.totalCap ?? null) : (data.totalCap as number | null);
  if (daily !== null && total !== null && daily > total) issues.push({ path: "dailyCap", message: "must not exceed totalCap" });
  if (typeof data.networkId === "string" && !(await tx.affiliateNetwork.findUnique({ where: { id: data.networkId }, select: { id: true } }))) {
    issues.push({ path: "networkId", message: "no affiliate network has this id" });
  }
  if (issues.length) throw new ValidationError(issues);
}

export const offerService = crud<Offer, typeof createOfferInput, typeof updateOfferInput>({
  entity: "Offer",
  action: "offer",
  configChanged: true,
  delegate: (tx) => tx.offer as never,
  create: createOfferInput,
  update: updateOfferInput,
  check,
  childKeys: ["geoPayouts"],
  async children(tx, offerId, data) {
    const list = data.geoPayouts as Array<z.output<typeof geoPayout>> | undefined;
    if (!list) return;
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { currency: true } });
    await tx.offerPayout.deleteMany({ where: { offerId } });
    if (list.length) {
      await tx.offerPayout.createMany({
        data: list.map((p) => ({ id: newId(), offerId, country: p.country, payout: p.payout, currency: p.currency ?? offer.currency })),
      });
    }
  },
  load: (tx, id) => tx.offer.findUnique({ where: { id }, include: { geoPayouts: { orderBy: { country: "asc" } } } }),
});
