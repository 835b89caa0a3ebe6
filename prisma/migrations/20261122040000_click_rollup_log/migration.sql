-- Click rollups become incremental. An insert into clicks appends, per (UTC day, campaign) pair it touched, one row
-- with the new click ids to report_click_log (statement trigger, in the writer's transaction), the rollup worker
-- claims log rows and adds those clicks' sums to the rollups in one transaction. Before, every insert marked its
-- pair dirty and the worker rebuilt the whole day of that campaign, so a busy campaign's today was re-aggregated
-- on every pass (bench:clicks: about 40 us of PostgreSQL CPU per click). Updates and deletes still mark pairs in
-- report_click_dirty for a rebuild. The trigger functions are replaced by the api at start (ensureRollupTriggers).
CREATE TABLE "report_click_log" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "ids" UUID[] NOT NULL,

    CONSTRAINT "report_click_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "report_click_log_day_campaign_id_idx" ON "report_click_log"("day", "campaign_id");

CREATE INDEX "report_click_dirty_day_campaign_id_idx" ON "report_click_dirty"("day", "campaign_id");
