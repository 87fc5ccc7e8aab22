-- Machines activated on a license (a device fingerprint bound to it, up to the license's limit).
CREATE TABLE machines (
    id           text PRIMARY KEY,
    license_id   text NOT NULL REFERENCES licenses (id),
    fingerprint  text NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 256),
    name         text,
    platform     text,
    hostname     text,
    ip           text,
    activated_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (license_id, fingerprint)
);
