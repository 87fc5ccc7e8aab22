-- What RetentionSweeper deletes by age: usage records past the retention period, idempotency keys past theirs,
-- and outbox rows published long ago. Without these indexes each sweep would scan the whole table.
CREATE INDEX usage_records_occurred ON usage_records (occurred_at);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
