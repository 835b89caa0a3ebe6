-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'VIEWER', 'CUSTOM');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'API_KEY', 'SYSTEM');

-- CreateEnum
CREATE TYPE "RegistrationTime" AS ENUM ('VISIT', 'POSTBACK');

-- CreateEnum
CREATE TYPE "EntityStatus" AS ENUM ('ACTIVE', 'PAUSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "PayoutType" AS ENUM ('CPA', 'REVSHARE');

-- CreateEnum
CREATE TYPE "LandingType" AS ENUM ('LOCAL', 'URL');

-- CreateEnum
CREATE TYPE "CostModel" AS ENUM ('CPC', 'CPM', 'CPA', 'REVSHARE');

-- CreateEnum
CREATE TYPE "FlowType" AS ENUM ('FORCED', 'REGULAR', 'DEFAULT');

-- CreateEnum
CREATE TYPE "BindingMode" AS ENUM ('NONE', 'LANDING', 'OFFER', 'BOTH');

-- CreateEnum
CREATE TYPE "ClickOutcome" AS ENUM ('ROUTED', 'BOT_BLOCKED', 'CAPPED', 'FALLBACK');

-- CreateEnum
CREATE TYPE "HitKind" AS ENUM ('LANDING', 'OFFER');

-- CreateEnum
CREATE TYPE "ConversionStatus" AS ENUM ('APPROVED', 'PENDING', 'REJECTED');

-- CreateEnum
CREATE TYPE "ConversionOrigin" AS ENUM ('POSTBACK', 'PIXEL', 'WEBHOOK', 'OPERATOR', 'SYNC');

-- CreateEnum
CREATE TYPE "PostbackOutcome" AS ENUM ('RECORDED', 'DUPLICATE', 'STATUS_CHANGE', 'REMOVED', 'UNKNOWN_CLICK', 'REJECTED_KEY', 'REJECTED_IP', 'INVALID_PAYOUT', 'INVALID_INPUT', 'ERROR');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "permissions" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_agent" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "actor_name" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "account_currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "conversion_registration" "RegistrationTime" NOT NULL DEFAULT 'POSTBACK',
    "ip_anonymization" BOOLEAN NOT NULL DEFAULT false,
    "custom_conversion_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "geoip_city_path" TEXT NOT NULL DEFAULT '',
    "geoip_asn_path" TEXT NOT NULL DEFAULT '',
    "maxmind_license_key" TEXT NOT NULL DEFAULT '',
    "geoip_updated_at" TIMESTAMPTZ(3),
    "postback_key_required" BOOLEAN NOT NULL DEFAULT false,
    "postback_allowed_ips" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pixel_cookie_days" INTEGER NOT NULL DEFAULT 30,
    "smtp" JSONB NOT NULL DEFAULT '{}',
    "telegram" JSONB NOT NULL DEFAULT '{}',
    "webhook" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "currency_rates" (
    "currency" CHAR(3) NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "currency_rates_pkey" PRIMARY KEY ("currency")
);

-- CreateTable
CREATE TABLE "traffic_sources" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "template" TEXT NOT NULL DEFAULT 'custom',
    "click_id_param" TEXT NOT NULL DEFAULT 'click_id',
    "click_id_macro" TEXT NOT NULL DEFAULT '',
    "cost_param" TEXT NOT NULL DEFAULT 'cost',
    "cost_macro" TEXT NOT NULL DEFAULT '',
    "campaign_id_param" TEXT NOT NULL DEFAULT '',
    "campaign_id_macro" TEXT NOT NULL DEFAULT '',
    "ad_set_id_param" TEXT NOT NULL DEFAULT '',
    "ad_set_id_macro" TEXT NOT NULL DEFAULT '',
    "ad_id_param" TEXT NOT NULL DEFAULT '',
    "ad_id_macro" TEXT NOT NULL DEFAULT '',
    "placement_param" TEXT NOT NULL DEFAULT '',
    "placement_macro" TEXT NOT NULL DEFAULT '',
    "extra_params" JSONB NOT NULL DEFAULT '[]',
    "postback_url" TEXT NOT NULL DEFAULT '',
    "postback_on_status_change" BOOLEAN NOT NULL DEFAULT false,
    "api_url" TEXT NOT NULL DEFAULT '',
    "api_key" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "traffic_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affiliate_networks" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'custom',
    "api_url" TEXT NOT NULL DEFAULT '',
    "api_key" TEXT NOT NULL DEFAULT '',
    "postback_template" TEXT NOT NULL DEFAULT '',
    "allowed_ips" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "require_key" BOOLEAN NOT NULL DEFAULT false,
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "affiliate_networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postback_keys" (
    "id" UUID NOT NULL,
    "network_id" UUID,
    "name" TEXT NOT NULL DEFAULT '',
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "postback_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "click_id_param" TEXT NOT NULL DEFAULT 'sub2',
    "payout_type" "PayoutType" NOT NULL DEFAULT 'CPA',
    "payout" DECIMAL(14,4) NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "daily_cap" INTEGER,
    "total_cap" INTEGER,
    "cap_timezone" TEXT NOT NULL DEFAULT 'UTC',
    "network_id" UUID,
    "external_id" TEXT NOT NULL DEFAULT '',
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offer_payouts" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "payout" DECIMAL(14,4) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',

    CONSTRAINT "offer_payouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "landing_pages" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "LandingType" NOT NULL DEFAULT 'LOCAL',
    "url" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL DEFAULT '',
    "protection_enabled" BOOLEAN NOT NULL DEFAULT false,
    "offer_count" INTEGER NOT NULL DEFAULT 1,
    "steps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "imported_from" TEXT NOT NULL DEFAULT '',
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "landing_pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domains" (
    "id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "group_name" TEXT NOT NULL DEFAULT '',
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "verified_at" TIMESTAMPTZ(3),
    "ssl_status" TEXT NOT NULL DEFAULT 'unknown',
    "dns_provider" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "default_offer_id" UUID,
    "source_id" UUID,
    "domain_id" UUID,
    "cost_model" "CostModel" NOT NULL DEFAULT 'CPC',
    "cost_value" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "bot_filter_enabled" BOOLEAN NOT NULL DEFAULT false,
    "bot_redirect_url" TEXT NOT NULL DEFAULT 'https://www.google.com/',
    "freq_cap_visits" INTEGER NOT NULL DEFAULT 0,
    "freq_cap_window_sec" INTEGER NOT NULL DEFAULT 86400,
    "unique_window_sec" INTEGER NOT NULL DEFAULT 86400,
    "external_campaign_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "retargeting_pixels" JSONB NOT NULL DEFAULT '{}',
    "audience_passback" JSONB NOT NULL DEFAULT '{}',
    "fallback_url" TEXT NOT NULL DEFAULT '',
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flows" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "type" "FlowType" NOT NULL DEFAULT 'DEFAULT',
    "position" INTEGER NOT NULL DEFAULT 0,
    "weight" INTEGER NOT NULL DEFAULT 100,
    "filters" JSONB NOT NULL DEFAULT '[]',
    "binding" "BindingMode" NOT NULL DEFAULT 'NONE',
    "traffic_ai_enabled" BOOLEAN NOT NULL DEFAULT false,
    "status" "EntityStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_landings" (
    "id" UUID NOT NULL,
    "flow_id" UUID NOT NULL,
    "landing_id" UUID NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 100,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "flow_landings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_offers" (
    "id" UUID NOT NULL,
    "flow_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 100,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "flow_offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clicks" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "flow_id" UUID,
    "landing_id" UUID,
    "offer_id" UUID,
    "source_id" UUID,
    "visitor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "ClickOutcome" NOT NULL DEFAULT 'ROUTED',
    "ip" TEXT NOT NULL DEFAULT '',
    "country" VARCHAR(2) NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "isp" TEXT NOT NULL DEFAULT '',
    "asn" INTEGER,
    "os" TEXT NOT NULL DEFAULT '',
    "os_version" TEXT NOT NULL DEFAULT '',
    "browser" TEXT NOT NULL DEFAULT '',
    "browser_version" TEXT NOT NULL DEFAULT '',
    "device_type" TEXT NOT NULL DEFAULT '',
    "language" VARCHAR(16) NOT NULL DEFAULT '',
    "user_agent" TEXT NOT NULL DEFAULT '',
    "referrer" TEXT NOT NULL DEFAULT '',
    "referrer_domain" TEXT NOT NULL DEFAULT '',
    "sub1" TEXT NOT NULL DEFAULT '',
    "sub2" TEXT NOT NULL DEFAULT '',
    "sub3" TEXT NOT NULL DEFAULT '',
    "sub4" TEXT NOT NULL DEFAULT '',
    "sub5" TEXT NOT NULL DEFAULT '',
    "source_click_id" TEXT NOT NULL DEFAULT '',
    "ext_campaign_id" TEXT NOT NULL DEFAULT '',
    "ext_ad_set_id" TEXT NOT NULL DEFAULT '',
    "ext_ad_id" TEXT NOT NULL DEFAULT '',
    "ext_placement" TEXT NOT NULL DEFAULT '',
    "params" JSONB NOT NULL DEFAULT '{}',
    "cost" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "is_unique" BOOLEAN NOT NULL DEFAULT true,
    "is_bot" BOOLEAN NOT NULL DEFAULT false,
    "fraud_score" SMALLINT NOT NULL DEFAULT 0,
    "fraud_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "landing_clicked_at" TIMESTAMPTZ(3),

    CONSTRAINT "clicks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hits" (
    "id" UUID NOT NULL,
    "click_id" UUID NOT NULL,
    "visitor_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "kind" "HitKind" NOT NULL,
    "landing_id" UUID,
    "offer_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visitors" (
    "id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "session_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "first_click_id" UUID,
    "last_click_id" UUID,
    "visits" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "visitors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "click_id" UUID,
    "visitor_id" UUID,
    "campaign_id" UUID,
    "value" DECIMAL(14,4),
    "currency" VARCHAR(3) NOT NULL DEFAULT '',
    "props" JSONB NOT NULL DEFAULT '{}',
    "url" TEXT NOT NULL DEFAULT '',
    "referrer" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funnel_steps" (
    "id" UUID NOT NULL,
    "click_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "landing_id" UUID,
    "step" SMALLINT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "funnel_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ip_blacklist" (
    "id" UUID NOT NULL,
    "cidr" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "ip_blacklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversions" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "click_id" UUID NOT NULL,
    "hit_id" UUID,
    "visitor_id" UUID,
    "campaign_id" UUID NOT NULL,
    "flow_id" UUID,
    "landing_id" UUID,
    "offer_id" UUID,
    "source_id" UUID,
    "network_id" UUID,
    "type" TEXT NOT NULL DEFAULT 'sale',
    "status" "ConversionStatus" NOT NULL DEFAULT 'APPROVED',
    "ecom_status" TEXT NOT NULL DEFAULT '',
    "raw_status" TEXT NOT NULL DEFAULT '',
    "transaction_id" TEXT NOT NULL DEFAULT '',
    "revenue" DECIMAL(14,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "revenue_account" DECIMAL(14,4) NOT NULL,
    "account_currency" CHAR(3) NOT NULL,
    "cost" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "parent_id" UUID,
    "origin" "ConversionOrigin" NOT NULL DEFAULT 'POSTBACK',
    "disable_postbacks" BOOLEAN NOT NULL DEFAULT false,
    "country" VARCHAR(2) NOT NULL DEFAULT '',
    "click_created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "raw_params" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "conversions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversion_status_changes" (
    "id" UUID NOT NULL,
    "conversion_id" UUID NOT NULL,
    "from_status" "ConversionStatus",
    "to_status" "ConversionStatus" NOT NULL,
    "from_ecom_status" TEXT NOT NULL DEFAULT '',
    "to_ecom_status" TEXT NOT NULL DEFAULT '',
    "from_revenue" DECIMAL(14,4),
    "to_revenue" DECIMAL(14,4),
    "origin" "ConversionOrigin" NOT NULL,
    "user_id" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversion_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversion_items" (
    "id" UUID NOT NULL,
    "conversion_id" UUID NOT NULL,
    "product_id" UUID,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL DEFAULT '',
    "price" DECIMAL(14,4) NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "conversion_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postback_log" (
    "id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'postback',
    "method" TEXT NOT NULL DEFAULT 'GET',
    "params" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT NOT NULL DEFAULT '',
    "outcome" "PostbackOutcome" NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "click_id" UUID,
    "conversion_id" UUID,
    "network_id" UUID,

    CONSTRAINT "postback_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_deliveries" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "conversion_id" UUID,
    "method" TEXT NOT NULL DEFAULT 'GET',
    "url" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL DEFAULT '',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 10,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT NOT NULL DEFAULT '',
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbound_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" TEXT NOT NULL DEFAULT '',
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "price" DECIMAL(14,4) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "category" TEXT NOT NULL DEFAULT '',
    "image_url" TEXT NOT NULL DEFAULT '',
    "external_id" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integrations" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL DEFAULT '{}',
    "webhook_secret" TEXT NOT NULL DEFAULT '',
    "previous_secret" TEXT NOT NULL DEFAULT '',
    "secret_rotated_at" TIMESTAMPTZ(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_receipts" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "campaign_id" UUID,
    "metric" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "window_hours" INTEGER NOT NULL DEFAULT 24,
    "actions" JSONB NOT NULL DEFAULT '[]',
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_run_at" TIMESTAMPTZ(3),
    "last_triggered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "automation_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "channel_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_fired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audience_segments" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "last_exported_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audience_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leads" (
    "id" UUID NOT NULL,
    "click_id" UUID,
    "campaign_id" UUID,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_created_by_id_idx" ON "api_keys"("created_by_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_created_at_idx" ON "audit_log"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "postback_keys_key_hash_key" ON "postback_keys"("key_hash");

-- CreateIndex
CREATE INDEX "postback_keys_network_id_idx" ON "postback_keys"("network_id");

-- CreateIndex
CREATE INDEX "offers_network_id_idx" ON "offers"("network_id");

-- CreateIndex
CREATE UNIQUE INDEX "offer_payouts_offer_id_country_key" ON "offer_payouts"("offer_id", "country");

-- CreateIndex
CREATE UNIQUE INDEX "domains_hostname_key" ON "domains"("hostname");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns"("slug");

-- CreateIndex
CREATE INDEX "campaigns_source_id_idx" ON "campaigns"("source_id");

-- CreateIndex
CREATE INDEX "flows_campaign_id_position_idx" ON "flows"("campaign_id", "position");

-- CreateIndex
CREATE INDEX "flow_landings_landing_id_idx" ON "flow_landings"("landing_id");

-- CreateIndex
CREATE UNIQUE INDEX "flow_landings_flow_id_landing_id_key" ON "flow_landings"("flow_id", "landing_id");

-- CreateIndex
CREATE INDEX "flow_offers_offer_id_idx" ON "flow_offers"("offer_id");

-- CreateIndex
CREATE UNIQUE INDEX "flow_offers_flow_id_offer_id_key" ON "flow_offers"("flow_id", "offer_id");

-- CreateIndex
CREATE INDEX "clicks_created_at_idx" ON "clicks"("created_at");

-- CreateIndex
CREATE INDEX "clicks_campaign_id_created_at_idx" ON "clicks"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "clicks_visitor_id_created_at_idx" ON "clicks"("visitor_id", "created_at");

-- CreateIndex
CREATE INDEX "hits_click_id_idx" ON "hits"("click_id");

-- CreateIndex
CREATE INDEX "hits_visitor_id_created_at_idx" ON "hits"("visitor_id", "created_at");

-- CreateIndex
CREATE INDEX "hits_created_at_idx" ON "hits"("created_at");

-- CreateIndex
CREATE INDEX "events_click_id_created_at_idx" ON "events"("click_id", "created_at");

-- CreateIndex
CREATE INDEX "events_visitor_id_created_at_idx" ON "events"("visitor_id", "created_at");

-- CreateIndex
CREATE INDEX "events_campaign_id_name_created_at_idx" ON "events"("campaign_id", "name", "created_at");

-- CreateIndex
CREATE INDEX "events_created_at_idx" ON "events"("created_at");

-- CreateIndex
CREATE INDEX "funnel_steps_campaign_id_created_at_idx" ON "funnel_steps"("campaign_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "funnel_steps_click_id_step_key" ON "funnel_steps"("click_id", "step");

-- CreateIndex
CREATE UNIQUE INDEX "ip_blacklist_cidr_key" ON "ip_blacklist"("cidr");

-- CreateIndex
CREATE UNIQUE INDEX "conversions_dedupe_key_key" ON "conversions"("dedupe_key");

-- CreateIndex
CREATE INDEX "conversions_click_id_idx" ON "conversions"("click_id");

-- CreateIndex
CREATE INDEX "conversions_campaign_id_created_at_idx" ON "conversions"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "conversions_campaign_id_click_created_at_idx" ON "conversions"("campaign_id", "click_created_at");

-- CreateIndex
CREATE INDEX "conversions_created_at_idx" ON "conversions"("created_at");

-- CreateIndex
CREATE INDEX "conversions_click_created_at_idx" ON "conversions"("click_created_at");

-- CreateIndex
CREATE INDEX "conversions_visitor_id_idx" ON "conversions"("visitor_id");

-- CreateIndex
CREATE INDEX "conversions_offer_id_status_created_at_idx" ON "conversions"("offer_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "conversion_status_changes_conversion_id_created_at_idx" ON "conversion_status_changes"("conversion_id", "created_at");

-- CreateIndex
CREATE INDEX "conversion_items_conversion_id_idx" ON "conversion_items"("conversion_id");

-- CreateIndex
CREATE INDEX "postback_log_click_id_received_at_idx" ON "postback_log"("click_id", "received_at");

-- CreateIndex
CREATE INDEX "postback_log_received_at_idx" ON "postback_log"("received_at");

-- CreateIndex
CREATE INDEX "postback_log_outcome_received_at_idx" ON "postback_log"("outcome", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_deliveries_event_id_key" ON "outbound_deliveries"("event_id");

-- CreateIndex
CREATE INDEX "outbound_deliveries_status_next_attempt_at_idx" ON "outbound_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbound_deliveries_conversion_id_idx" ON "outbound_deliveries"("conversion_id");

-- CreateIndex
CREATE INDEX "delivery_attempts_delivery_id_idx" ON "delivery_attempts"("delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_receipts_provider_event_id_key" ON "webhook_receipts"("provider", "event_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_created_at_idx" ON "notifications"("created_at");

-- CreateIndex
CREATE INDEX "leads_click_id_idx" ON "leads"("click_id");

-- CreateIndex
CREATE INDEX "leads_created_at_idx" ON "leads"("created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postback_keys" ADD CONSTRAINT "postback_keys_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "affiliate_networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "affiliate_networks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_payouts" ADD CONSTRAINT "offer_payouts_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_default_offer_id_fkey" FOREIGN KEY ("default_offer_id") REFERENCES "offers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "traffic_sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_domain_id_fkey" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flows" ADD CONSTRAINT "flows_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_landings" ADD CONSTRAINT "flow_landings_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_landings" ADD CONSTRAINT "flow_landings_landing_id_fkey" FOREIGN KEY ("landing_id") REFERENCES "landing_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_offers" ADD CONSTRAINT "flow_offers_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_offers" ADD CONSTRAINT "flow_offers_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "conversions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversion_status_changes" ADD CONSTRAINT "conversion_status_changes_conversion_id_fkey" FOREIGN KEY ("conversion_id") REFERENCES "conversions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversion_items" ADD CONSTRAINT "conversion_items_conversion_id_fkey" FOREIGN KEY ("conversion_id") REFERENCES "conversions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "outbound_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
