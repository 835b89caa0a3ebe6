// zod building blocks shared by the domain services' input schemas.
import { z } from "zod";
import { isIpOrCidr } from "../../lib/ip.js";

export const uuid = z.string().uuid("must be an id (UUID)");
export const name = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code such as USD");
export const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter ISO 3166 country code such as US");
/** Non-negative decimal with up to `scale` places, kept as a string (money is never a float). */
export const decimal = (scale = 4, max = 1e10) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => new RegExp(`^\\d{1,14}(\\.\\d{1,${scale}})?$`).test(v), `must be a non-negative decimal with at most ${scale} decimal places`)
    .refine((v) => !(Number(v) > max), `must be at most ${max}`);
export const httpUrl = z
  .string()
  .trim()
  .max(4096)
  .refine((v) => {
    try {
      const u = new URL(v.replace(/\{[^}]*\}/g, "x"));
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");
export const optionalUrl = z.union([z.literal(""), httpUrl]);
export const timezone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Berlin");
export const status = z.enum(["ACTIVE", "PAUSED", "ARCHIVED"]);
export const ipOrCidr = z.string().trim().refine(isIpOrCidr, "must be an IP address or CIDR range such as 203.0.113.0/24");
