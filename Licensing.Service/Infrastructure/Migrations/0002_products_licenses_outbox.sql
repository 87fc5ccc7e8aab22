-- Products, licenses, and the outbox their changes write to in the same transaction.
CREATE TABLE products (
    id          text PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    platforms   text[] NOT NULL DEFAULT '{}',
    metadata    jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX products_scope ON products (tenant_id, environment, created_at DESC);

CREATE TABLE licenses (
    id                text PRIMARY KEY,
    tenant_id         text NOT NULL REFERENCES tenants (id),
    environment       text NOT NULL CHECK (environment IN ('live', 'test')),
    key               text NOT NULL UNIQUE,
    product_id        text NOT NULL REFERENCES products (id),
    status            text NOT NULL CHECK (status IN ('active', 'suspended', 'expired', 'revoked')),
    type              text NOT NULL CHECK (type IN ('perpetual', 'subscription', 'trial', 'floating')),
    customer_email    text,
    max_activations   int CHECK (max_activations >= 0),
    max_domains       int CHECK (max_domains >= 0),
    domains           text[] NOT NULL DEFAULT '{}',
    features          text[] NOT NULL DEFAULT '{}',
    metadata          jsonb NOT NULL DEFAULT '{}',
    expires_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 1,
    validation_count  bigint NOT NULL DEFAULT 0,
    last_validated_at timestamptz
);

CREATE INDEX licenses_scope ON licenses (tenant_id, environment, created_at DESC);

CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    type         text NOT NULL,
    tenant_id    text NOT NULL,
    environment  text NOT NULL,
    aggregate_id text NOT NULL,
    version      bigint NOT NULL,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     int NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
