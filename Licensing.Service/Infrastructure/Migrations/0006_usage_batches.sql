-- Validation reports usage about once a second per replica. A report is stored as it arrives, one row of
-- arrays (a single cheap insert), and folded later, many reports at a time, into usage_records and the
-- licenses' counters (UsageRecorder.FoldAsync): a license validated in every report of the interval costs
-- one usage row and one counter update per fold instead of one of each per report.
CREATE TABLE usage_batches (
    id            bigserial PRIMARY KEY,
    received_at   timestamptz NOT NULL DEFAULT now(),
    license_ids   text[] NOT NULL,
    occurred_at   timestamptz[] NOT NULL,
    results       text[] NOT NULL,
    domains       text[] NOT NULL,
    fingerprints  text[] NOT NULL,
    counts        int[] NOT NULL
);
