-- A click's cost as the traffic source charged it, and that currency. "cost" stays the account-currency amount
-- that reports add up. Rows written before this migration were recorded in the account currency.
ALTER TABLE "clicks" ADD COLUMN "cost_source" DECIMAL(14,6);
ALTER TABLE "clicks" ADD COLUMN "cost_currency" CHAR(3) NOT NULL DEFAULT '';
