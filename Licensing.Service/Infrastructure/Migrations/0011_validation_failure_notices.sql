-- validation.failed: at most one notice per license and error code per minute, carrying how many failures it stands for.
-- The usage fold adds each refused validation it counts to its license and code's row (pending); ValidationFailureNotices
-- sends a row's pending failures as one event once its last notice is a minute old, and sets pending back to 0 in the
-- transaction that writes the event.
CREATE TABLE validation_failure_notices (
    license_id text NOT NULL,
    code text NOT NULL,
    pending integer NOT NULL,
    first_failed_at timestamptz NOT NULL,
    last_failed_at timestamptz NOT NULL,
    last_sent_at timestamptz,
    PRIMARY KEY (license_id, code)
);
CREATE INDEX validation_failure_notices_due ON validation_failure_notices (last_sent_at) WHERE pending > 0;
