import dns from "node:dns";
import { z } from "zod";
import type { Actor } from "../../auth/actor.js";
import type { Deps } from "../../deps.js";
import type { Domain } from "../../generated/prisma/client.js";
import { crud } from "../shared/crud.js";
import { uuid } from "../shared/inputs.js";
import { auditedWrite, mustFind, parseInput } from "../shared/write.js";

export const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^https?:\/\//, "").replace(/\/.*$/, ""))
  .refine(
    (v) => v.length <= 253 && /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(v),
    "must be a hostname such as track.example.com",
  );

const fields = {
  hostname,
  groupName: z.string().trim().max(100),
  dnsProvider: z.string().trim().max(100),
};

export const createDomainInput = z.object(fields).partial().required({ hostname: true });
export const updateDomainInput = z
  .object({ id: uuid, ...fields })
  .partial()
  .required({ id: true });

export const domainService = crud<Domain, typeof createDomainInput, typeof updateDomainInput>({
  entity: "Domain",
  action: "domain",
  configChanged: true,
  delegate: (tx) => tx.domain as never,
  create: createDomainInput,
  update: updateDomainInput,
});

const PROVIDERS: Array<[RegExp, string]> = [
  [/cloudflare\.com$/i, "Cloudflare"],
  [/awsdns/i, "Amazon Route 53"],
  [/googledomains\.com$|google\.com$/i, "Google"],
  [/domaincontrol\.com$/i, "GoDaddy"],
  [/registrar-servers\.com$/i, "Namecheap"],
  [/digitalocean\.com$/i, "DigitalOcean"],
  [/azure-dns/i, "Azure DNS"],
];

/** DNS verification: the hostname resolves; the provider is guessed from the zone's name servers. */
export async function verifyDomain(deps: Deps, actor: Actor, id: string): Promise<Domain> {
  parseInput(uuid, id);
  const domain = await mustFind("Domain", id, deps.db.prisma.domain.findUnique({ where: { id } }));
  const resolver = new dns.promises.Resolver({ timeout: 3_000, tries: 1 });
  const addresses = await Promise.all([resolver.resolve4(domain.hostname).catch(() => []), resolver.resolve6(domain.hostname).catch(() => [])]);
  const verified = addresses.flat().length > 0;
  let dnsProvider = domain.dnsProvider;
  const labels = domain.hostname.split(".");
  for (let i = 0; i < labels.length - 1 && verified; i++) {
    const ns = await resolver.resolveNs(labels.slice(i).join(".")).catch(() => [] as string[]);
    if (ns.length) {
      dnsProvider = PROVIDERS.find(([re]) => ns.some((n) => re.test(n)))?.[1] ?? ns[0] ?? dnsProvider;
      break;
    }
  }
  return auditedWrite(deps, actor, {
    action: "domain.verify",
    entityType: "Domain",
    configChanged: true,
    run: async (tx) => {
      const row = await tx.domain.update({
        where: { id },
        data: { verified, verifiedAt: verified ? new Date() : null, dnsProvider, sslStatus: verified ? domain.sslStatus : "unknown" },
      });
      return { row, id, before: domain };
    },
  });
}
