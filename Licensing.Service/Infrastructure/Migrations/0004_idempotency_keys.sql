-- Responses of POSTs sent with an Idempotency-Key, stored in the transaction of the change they made.
CREATE TABLE idempotency_keys (
    tenant_id    text NOT NULL,
    environment  text NOT NULL,
    key          text NOT NULL,
    request_hash bytea NOT NULL,
    status_code  int NOT NULL,
    response     text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, environment, key)
);
