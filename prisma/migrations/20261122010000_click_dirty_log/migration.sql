-- Click rollup marks become an append-only log, like the conversions' report_conv_dirty: a click batch appends its
-- (UTC day, campaign) pairs instead of bumping a version on one shared row, which made concurrent batches for the
-- same campaign wait for each other's commit. The trigger functions are replaced by the api at start
-- (ensureRollupTriggers), before the click writer runs.
CREATE TABLE "report_click_dirty" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,

    CONSTRAINT "report_click_dirty_pkey" PRIMARY KEY ("id")
);

-- Pairs still waiting for the worker keep waiting.
INSERT INTO report_click_dirty (day, campaign_id) SELECT day, campaign_id FROM report_rollup_dirty ORDER BY day, campaign_id;

DROP TABLE "report_rollup_dirty";
