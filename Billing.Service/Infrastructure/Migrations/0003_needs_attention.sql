-- A checkout of a price with no mapping waits for the vendor (needs_attention) instead of failing, and is released
-- when the price is mapped.
ALTER TABLE stripe_events DROP CONSTRAINT stripe_events_status_check;
ALTER TABLE stripe_events ADD CONSTRAINT stripe_events_status_check
    CHECK (status IN ('pending', 'applied', 'skipped', 'failed', 'needs_attention'));
ALTER TABLE stripe_events ADD COLUMN unmapped_price_id text;
CREATE INDEX stripe_events_unmapped_price ON stripe_events (tenant_id, environment, unmapped_price_id) WHERE status = 'needs_attention';
