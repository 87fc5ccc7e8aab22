-- The period end a subscription reports before its license exists is kept in period_end itself (which otherwise moves
-- only with the license's renewals), so the separate column goes. 0002 stays as it was applied.
ALTER TABLE subscriptions DROP COLUMN current_period_end;
