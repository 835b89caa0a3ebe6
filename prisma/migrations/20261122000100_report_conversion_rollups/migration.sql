-- Conversion rollups (per UTC day of either registration basis), click sums per day over all campaigns, and the
-- conversion ids of repeat customers (api/src/reports/conversion-rollup.ts). The statement triggers that keep
-- them in step are installed by the api at start (ensureRollupTriggers), like the click rollup triggers.

-- CreateTable
CREATE TABLE "report_conv_rollup_daily" (
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "basis" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "leads" BIGINT NOT NULL,
    "convs" BIGINT NOT NULL,
    "rev" DECIMAL(20,4) NOT NULL,
    "rev_ok" DECIMAL(20,4),
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_conv_rollup_daily_pkey" PRIMARY KEY ("day","campaign_id","basis","dim","value")
);

-- CreateTable
CREATE TABLE "report_conv_rollup_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "campaign_id" UUID NOT NULL,
    "basis" TEXT NOT NULL,
    "leads" BIGINT NOT NULL,
    "convs" BIGINT NOT NULL,
    "rev" DECIMAL(20,4) NOT NULL,
    "rev_ok" DECIMAL(20,4),
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_conv_rollup_hourly_pkey" PRIMARY KEY ("basis","hour","campaign_id")
);

-- CreateTable
CREATE TABLE "report_conv_dirty" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,

    CONSTRAINT "report_conv_dirty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_customers" (
    "cust" UUID NOT NULL,
    "n" INTEGER NOT NULL,
    "ids" UUID[],

    CONSTRAINT "report_customers_pkey" PRIMARY KEY ("cust")
);

-- CreateTable
CREATE TABLE "report_rollup_day" (
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "clicks" BIGINT NOT NULL,
    "uniq" BIGINT NOT NULL,
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_rollup_day_pkey" PRIMARY KEY ("dim","day","value")
);

-- CreateTable
CREATE TABLE "report_rollup_week" (
    "dim" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "clicks" BIGINT NOT NULL,
    "uniq" BIGINT NOT NULL,
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_rollup_week_pkey" PRIMARY KEY ("dim","week","value")
);

-- CreateIndex
CREATE INDEX "report_conv_rollup_daily_covering_idx" ON "report_conv_rollup_daily"("basis", "dim", "day", "campaign_id", "value", "leads", "convs", "rev", "rev_ok", "cost");

-- CreateIndex
CREATE INDEX "report_rollup_day_covering_idx" ON "report_rollup_day"("dim", "day", "value", "clicks", "uniq", "cost");

-- CreateIndex
CREATE INDEX "report_customers_repeat_idx" ON "report_customers"("cust") WHERE "n" >= 2;

-- The per-campaign click rollups now keep region and city too: rows for the clicks recorded so far (pairs still
-- dirty are rebuilt whole by the worker anyway). The (dim, day) index is a prefix of the covering one.
DROP INDEX IF EXISTS "report_rollup_daily_dim_day_idx";

INSERT INTO report_rollup_daily (day, campaign_id, dim, value, clicks, uniq, cost)
SELECT (c.created_at AT TIME ZONE 'UTC')::date, c.campaign_id, v.dim, v.value, count(*), count(*) FILTER (WHERE c.is_unique), coalesce(sum(c.cost), 0)
FROM clicks c CROSS JOIN LATERAL (VALUES ('region', coalesce(c.region::text, '')), ('city', coalesce(c.city::text, ''))) v(dim, value)
WHERE NOT EXISTS (SELECT 1 FROM report_rollup_dirty d WHERE d.day = (c.created_at AT TIME ZONE 'UTC')::date AND d.campaign_id = c.campaign_id)
GROUP BY 1, 2, 3, 4
ON CONFLICT DO NOTHING;

-- Click sums over all campaigns, from the per-campaign rollups built so far.
INSERT INTO report_rollup_day (dim, day, value, clicks, uniq, cost)
SELECT dim, day, value, sum(clicks), sum(uniq), sum(cost) FROM report_rollup_daily GROUP BY dim, day, value;

INSERT INTO report_rollup_week (dim, week, value, clicks, uniq, cost)
SELECT dim, date_trunc('week', day)::date, value, sum(clicks), sum(uniq), sum(cost) FROM report_rollup_day GROUP BY 1, 2, 3;

-- Customers so far (counted non-lead conversions per visitor, or per click without one).
INSERT INTO report_customers (cust, n, ids)
SELECT coalesce(visitor_id, click_id), count(*), array_agg(id) FROM report_conversions
WHERE type <> 'lead' AND status <> 'REJECTED' AND ecom_status NOT IN ('refunded', 'chargeback')
GROUP BY 1;

-- Conversions recorded before this migration: built by the rollup worker's first passes.
INSERT INTO report_conv_dirty (day, campaign_id)
SELECT DISTINCT d, campaign_id FROM (
  SELECT (created_at AT TIME ZONE 'UTC')::date AS d, campaign_id FROM report_conversions
  UNION SELECT (click_created_at AT TIME ZONE 'UTC')::date, campaign_id FROM report_conversions
) x;
