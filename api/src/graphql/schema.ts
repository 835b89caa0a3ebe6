// Schema assembly: importing a domain module registers its types and fields on the builder.
import "./scalars.js";
import "./errors.js";
import "../schema/auth/auth.schema.js";
import "../schema/traffic-source/traffic-source.schema.js";
import "../schema/network/network.types.js";
import "../schema/offer/offer.types.js";
import "../schema/landing/landing.types.js";
import "../schema/domain/domain.types.js";
import "../schema/flow/flow.types.js";
import "../schema/campaign/campaign.schema.js";
import "../schema/network/network.schema.js";
import "../schema/offer/offer.schema.js";
import "../schema/landing/landing.schema.js";
import "../schema/domain/domain.schema.js";
import "../schema/flow/flow.schema.js";
import "../schema/product/product.schema.js";
import "../schema/ip-blacklist/ip-blacklist.schema.js";
import "../schema/settings/settings.schema.js";
import "../schema/user/user.schema.js";
import "../schema/transfer/transfer.schema.js";
import "../schema/audit/audit.schema.js";
import "../schema/conversion/conversion.schema.js";
import "../schema/reports/reports.schema.js";
import "../schema/integration-stats/integration-stats.schema.js";
import "../schema/clicks/clicks.schema.js";
import { builder } from "./builder.js";

export const schema = builder.toSchema({ sortSchema: true });
