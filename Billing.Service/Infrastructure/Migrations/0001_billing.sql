-- What each tenant configured, per environment (live/test): how billing outcomes map to license changes.
CREATE TABLE billing_settings (
    tenant_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    payment_failed_action text NOT NULL,
    payment_failed_grace_hours int NOT NULL,
    cancellation_action text NOT NULL,
    refund_action text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, environment)
);

-- Stripe webhook signing secrets; several at once while one is being rotated out.
CREATE TABLE webhook_secrets (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    secret text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX webhook_secrets_by_tenant ON webhook_secrets (tenant_id, environment);

-- A Stripe price id stands for a product (and optionally a plan) of Licensing.
CREATE TABLE price_mappings (
    tenant_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    price_id text NOT NULL,
    product_id text NOT NULL,
    plan_id text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, environment, price_id)
);

-- Every verified event, stored before it is answered; the processor works from here.
CREATE TABLE stripe_events (
    tenant_id text NOT NULL,
    event_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    type text NOT NULL,
    created_at timestamptz NOT NULL,
    payload text NOT NULL,
    received_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'applied', 'skipped', 'failed')),
    attempts int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    outcome text,
    processed_at timestamptz,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX stripe_events_due ON stripe_events (next_attempt_at) WHERE status = 'pending';
CREATE INDEX stripe_events_by_tenant ON stripe_events (tenant_id, environment, received_at DESC);

-- A Stripe subscription, its license, and the newest state applied to it (so an older event cannot undo a newer one).
CREATE TABLE subscriptions (
    tenant_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    subscription_id text NOT NULL,
    customer_id text,
    license_id text,
    price_id text,
    period_end timestamptz,
    payment_state text,
    payment_state_at timestamptz,
    suspended_for_nonpayment boolean NOT NULL DEFAULT false,
    cancel_at_period_end boolean NOT NULL DEFAULT false,
    subscription_state_at timestamptz,
    ended_at timestamptz,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, environment, subscription_id)
);

-- Payments (payment intents, invoices) and the license they paid for, to revoke on a refund.
CREATE TABLE payments (
    tenant_id text NOT NULL,
    environment text NOT NULL CHECK (environment IN ('live', 'test')),
    payment_id text NOT NULL,
    license_id text NOT NULL,
    PRIMARY KEY (tenant_id, environment, payment_id)
);
