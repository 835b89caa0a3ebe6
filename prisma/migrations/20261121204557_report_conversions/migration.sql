-- CreateTable
CREATE TABLE "report_conversions" (
    "id" UUID NOT NULL,
    "click_id" UUID NOT NULL,
    "visitor_id" UUID,
    "campaign_id" UUID NOT NULL,
    "flow_id" UUID,
    "landing_id" UUID,
    "offer_id" UUID,
    "source_id" UUID,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ecom_status" TEXT NOT NULL,
    "revenue_account" DECIMAL(14,4) NOT NULL,
    "cost" DECIMAL(14,6) NOT NULL,
    "click_created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "country" VARCHAR(2),
    "region" TEXT,
    "city" TEXT,
    "os" TEXT,
    "browser" TEXT,
    "device_type" TEXT,
    "language" VARCHAR(16),
    "isp" TEXT,
    "referrer_domain" TEXT,
    "sub1" TEXT,
    "sub2" TEXT,
    "sub3" TEXT,
    "sub4" TEXT,
    "sub5" TEXT,
    "ext_campaign_id" TEXT,
    "ext_ad_set_id" TEXT,
    "ext_ad_id" TEXT,
    "ext_placement" TEXT,

    CONSTRAINT "report_conversions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_conversions_created_at_idx" ON "report_conversions"("created_at");

-- CreateIndex
CREATE INDEX "report_conversions_click_created_at_idx" ON "report_conversions"("click_created_at");

-- CreateIndex
CREATE INDEX "report_rollup_daily_covering_idx" ON "report_rollup_daily"("dim", "day", "campaign_id", "value", "clicks", "uniq", "cost");

-- Conversions recorded before this migration (the triggers installed at start keep it in step afterwards).
INSERT INTO report_conversions (id, click_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, type, status, ecom_status,
  revenue_account, cost, click_created_at, created_at, country, region, city, os, browser, device_type, language, isp, referrer_domain,
  sub1, sub2, sub3, sub4, sub5, ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement)
SELECT cv.id, cv.click_id, cv.visitor_id, cv.campaign_id, cv.flow_id, cv.landing_id, cv.offer_id, cv.source_id, cv.type, cv.status::text, cv.ecom_status,
  cv.revenue_account, cv.cost, cv.click_created_at, cv.created_at, c.country, c.region, c.city, c.os, c.browser, c.device_type, c.language, c.isp,
  c.referrer_domain, c.sub1, c.sub2, c.sub3, c.sub4, c.sub5, c.ext_campaign_id, c.ext_ad_set_id, c.ext_ad_id, c.ext_placement
FROM conversions cv LEFT JOIN clicks c ON c.id = cv.click_id
ON CONFLICT (id) DO NOTHING;
