-- A report's arrays are about half a megabyte for ten thousand records. Compressed (pglz) as they were stored,
-- each report cost Postgres 21-27 ms of CPU; stored as they are, 3-5 ms. A report lives only until the next fold
-- (seconds), so its size on disk matters much less than the CPU it takes from the services on the same machine.
ALTER TABLE usage_batches
    ALTER COLUMN license_ids SET STORAGE EXTERNAL,
    ALTER COLUMN occurred_at SET STORAGE EXTERNAL,
    ALTER COLUMN results SET STORAGE EXTERNAL,
    ALTER COLUMN domains SET STORAGE EXTERNAL,
    ALTER COLUMN fingerprints SET STORAGE EXTERNAL,
    ALTER COLUMN counts SET STORAGE EXTERNAL;
