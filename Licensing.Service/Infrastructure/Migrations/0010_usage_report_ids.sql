-- The id of every usage report received, so that a report Validation sends again after its answer was lost (Licensing
-- stopped after the insert, or the call's deadline passed) is counted once. Kept a day (RetentionSweeper): a report
-- whose answer was lost is sent again within seconds of the loss.
CREATE TABLE usage_reports_received (
    report_id text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_reports_received_received_at ON usage_reports_received (received_at);
