-- A report's records are stored in one row per partition of their licenses (UsageRecorder.PartitionOf), so that the
-- background fold can take one partition at a time, spread over its interval, and still update each license's
-- counters once an interval. Rows stored before this migration are in partition 0.
ALTER TABLE usage_batches ADD COLUMN part smallint NOT NULL DEFAULT 0;
