-- AlterTable
ALTER TABLE "outbound_deliveries" ADD COLUMN     "macros" JSONB NOT NULL DEFAULT '{}';
