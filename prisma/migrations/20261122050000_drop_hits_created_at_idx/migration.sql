-- hits(created_at) served no query: hits are read by id, by click and by visitor (the newest first), never by time
-- alone. Every landing and offer view paid for the index (one more B-tree insert per hit, and its disk).
DROP INDEX "hits_created_at_idx";
