-- A quarantined record longer than the reader's limit (1 MiB) keeps only its first 1 MiB in raw; raw_length
-- says how long the record was, so a cut is never silent. Rows from before this migration have null.
alter table quarantine add column raw_length bigint;
