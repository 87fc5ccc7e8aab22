-- The end of a subscription's current period as Stripe last reported it, known before its license exists: a
-- subscription checkout's license expires then.
ALTER TABLE subscriptions ADD COLUMN current_period_end timestamptz;
