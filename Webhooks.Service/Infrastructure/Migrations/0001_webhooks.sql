CREATE TABLE endpoints (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    environment text NOT NULL,
    url text NOT NULL,
    events text[] NOT NULL,
    description text,
    enabled boolean NOT NULL DEFAULT true,
    disabled_reason text,
    secret text NOT NULL,
    previous_secret text,
    previous_secret_expires_at timestamptz,
    -- The first failed attempt since the last success; an endpoint failing for a whole day is disabled.
    failing_since timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX endpoints_scope ON endpoints (tenant_id, environment, created_at DESC);

-- Every license event taken from the broker, so that a redelivered message fans out only once.
CREATE TABLE received_events (
    event_id uuid PRIMARY KEY,
    type text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deliveries (
    id text PRIMARY KEY,
    endpoint_id text NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
    event_id uuid NOT NULL,
    event_type text NOT NULL,
    payload text NOT NULL,
    status text NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    max_attempts int NOT NULL,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status_code int,
    last_duration_ms int,
    last_error text,
    last_response_body text,
    redelivery_of text,
    created_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_of_endpoint ON deliveries (endpoint_id, created_at DESC);
