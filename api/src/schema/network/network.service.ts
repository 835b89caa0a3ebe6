import { z } from "zod";
import type { AffiliateNetwork } from "../../generated/prisma/client.js";
import { crud } from "../shared/crud.js";
import { ipOrCidr, name, optionalUrl, status, uuid } from "../shared/inputs.js";

export const NETWORK_TYPES = ["everflow", "cake", "hasoffers", "custom"] as const;

/** The postback URL a network of each type is told to call, with that network's own macros. */
const POSTBACK_MACROS: Record<(typeof NETWORK_TYPES)[number], string> = {
  everflow: "click_id={sub2}&payout={payout_amount}&txid={transaction_id}&status={status}",
  cake: "click_id=#s2#&payout=#price#&txid=#tid#",
  hasoffers: "click_id={aff_sub2}&payout={payout}&txid={transaction_id}",
  custom: "click_id={click_id}&payout={payout}&txid={txid}",
};

export function postbackTemplateFor(type: string, baseUrl: string): string {
  const macros = POSTBACK_MACROS[type as keyof typeof POSTBACK_MACROS] ?? POSTBACK_MACROS.custom;
  return `${baseUrl.replace(/\/+$/, "")}/postback?${macros}`;
}

const postbackTemplate = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "must be empty or an http(s) URL with the network's macros");

const fields = {
  name,
  type: z.enum(NETWORK_TYPES, { message: `must be one of ${NETWORK_TYPES.join(", ")}` }),
  apiUrl: optionalUrl,
  apiKey: z.string().trim().max(512),
  postbackTemplate,
  allowedIps: z.array(ipOrCidr).max(200, "at most 200 entries"),
  requireKey: z.boolean(),
  status,
};

export const createNetworkInput = z.object(fields).partial().required({ name: true });
export const updateNetworkInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export const networkService = crud<AffiliateNetwork, typeof createNetworkInput, typeof updateNetworkInput>({
  entity: "AffiliateNetwork",
  action: "affiliate_network",
  configChanged: true,
  delegate: (tx) => tx.affiliateNetwork as never,
  create: createNetworkInput,
  update: updateNetworkInput,
});
