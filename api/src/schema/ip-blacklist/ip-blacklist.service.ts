import { z } from "zod";
import type { IpBlacklist } from "../../generated/prisma/client.js";
import { crud } from "../shared/crud.js";
import { ipOrCidr, uuid } from "../shared/inputs.js";

const fields = {
  cidr: ipOrCidr,
  reason: z.string().trim().max(500),
  source: z.enum(["MANUAL", "AUTO"]),
  expiresAt: z.coerce
    .date({ message: "must be an ISO 8601 date" })
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .nullable(),
};

export const createIpBlacklistInput = z.object(fields).partial().required({ cidr: true });
export const updateIpBlacklistInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export const ipBlacklistService = crud<IpBlacklist, typeof createIpBlacklistInput, typeof updateIpBlacklistInput>({
  entity: "IpBlacklist",
  action: "ip_blacklist",
  configChanged: true,
  delegate: (tx) => tx.ipBlacklist as never,
  create: createIpBlacklistInput,
  update: updateIpBlacklistInput,
});
