-- CreateTable
CREATE TABLE "report_rollup_daily" (
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "clicks" BIGINT NOT NULL,
    "uniq" BIGINT NOT NULL,
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_rollup_daily_pkey" PRIMARY KEY ("day","campaign_id","dim","value")
);

-- CreateTable
CREATE TABLE "report_rollup_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "campaign_id" UUID NOT NULL,
    "clicks" BIGINT NOT NULL,
    "uniq" BIGINT NOT NULL,
    "cost" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "report_rollup_hourly_pkey" PRIMARY KEY ("hour","campaign_id")
);

-- CreateTable
CREATE TABLE "report_rollup_dirty" (
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "report_rollup_dirty_pkey" PRIMARY KEY ("day","campaign_id")
);

-- CreateIndex
CREATE INDEX "report_rollup_daily_dim_day_idx" ON "report_rollup_daily"("dim", "day");

-- The triggers that mark changed (day, campaign) pairs are installed by the api at start (api/src/reports/rollup.ts,
-- ensureRollupTriggers): the migration runner splits scripts on every semicolon, which PL/pgSQL bodies contain.

-- Clicks recorded before this migration: build their rollups on the worker's first passes.
INSERT INTO report_rollup_dirty (day, campaign_id)
SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date, campaign_id FROM clicks ON CONFLICT DO NOTHING;
