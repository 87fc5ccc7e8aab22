-- Plans (policies) that licenses follow, floating-seat leases, usage records, key rotation and expiry notices.
CREATE TABLE plans (
    id                    text PRIMARY KEY,
    tenant_id             text NOT NULL REFERENCES tenants (id),
    environment           text NOT NULL CHECK (environment IN ('live', 'test')),
    product_id            text NOT NULL REFERENCES products (id),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    license_type          text NOT NULL CHECK (license_type IN ('perpetual', 'subscription', 'trial', 'floating')),
    duration_days         int CHECK (duration_days > 0),
    max_activations       int CHECK (max_activations >= 0),
    max_domains           int CHECK (max_domains >= 0),
    max_seats             int CHECK (max_seats >= 0),
    features              text[] NOT NULL DEFAULT '{}',
    requires_activation   boolean NOT NULL DEFAULT false,
    seat_lease_seconds    int NOT NULL DEFAULT 900 CHECK (seat_lease_seconds BETWEEN 30 AND 86400),
    offline_grace_days    int NOT NULL DEFAULT 0 CHECK (offline_grace_days BETWEEN 0 AND 365),
    expiry_behavior       text NOT NULL DEFAULT 'restrict' CHECK (expiry_behavior IN ('restrict', 'revoke', 'keep_access')),
    metadata              jsonb NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX plans_scope ON plans (tenant_id, environment, created_at DESC);

ALTER TABLE licenses
    ADD COLUMN plan_id                 text REFERENCES plans (id),
    ADD COLUMN max_seats               int CHECK (max_seats >= 0),
    ADD COLUMN domains_fixed           boolean NOT NULL DEFAULT false,
    ADD COLUMN previous_key            text UNIQUE,
    ADD COLUMN previous_key_valid_until timestamptz,
    -- Which expiry notices were emitted for the current expires_at (days before: 30, 7, 1); reset on renewal.
    ADD COLUMN expiry_notices          int[] NOT NULL DEFAULT '{}';

CREATE INDEX licenses_plan ON licenses (plan_id);
CREATE INDEX licenses_expiring ON licenses (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;

CREATE TABLE seat_leases (
    id           text PRIMARY KEY,
    license_id   text NOT NULL REFERENCES licenses (id),
    client_id    text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 256),
    leased_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    UNIQUE (license_id, client_id)
);

CREATE TABLE usage_records (
    id           bigserial PRIMARY KEY,
    license_id   text NOT NULL REFERENCES licenses (id),
    occurred_at  timestamptz NOT NULL,
    result       text NOT NULL,
    domain       text,
    fingerprint  text,
    count        int NOT NULL CHECK (count > 0)
);

CREATE INDEX usage_records_license ON usage_records (license_id, occurred_at DESC);

