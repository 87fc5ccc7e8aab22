-- Tenants (the vendors using the platform) and their API keys, stored only as digests.
CREATE TABLE tenants (
    id          text PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    plan        text NOT NULL CHECK (plan IN ('builder', 'starter', 'professional', 'business', 'enterprise', 'unlimited')),
    key_prefix  text NOT NULL DEFAULT 'TO' CHECK (key_prefix ~ '^[A-Z0-9]{2,8}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id             text PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    environment    text NOT NULL CHECK (environment IN ('live', 'test')),
    name           text NOT NULL,
    digest         bytea NOT NULL UNIQUE,
    display_prefix text NOT NULL,
    scopes         text[] NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    last_used_at   timestamptz
);

CREATE INDEX api_keys_tenant ON api_keys (tenant_id, environment);
