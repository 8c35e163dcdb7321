-- Time-ordered keys (RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits), so that new rows append to
-- the right edge of the primary-key index instead of dirtying random pages of it. PostgreSQL 18 has uuidv7(); this is
-- the same layout for PostgreSQL 15-17: a random version-4 UUID whose first 6 bytes become the time and whose version
-- nibble becomes 7.
CREATE FUNCTION uuid_generate_v7() RETURNS UUID
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
               PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) FROM 3)
               FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::UUID
$$;

ALTER TABLE companies ALTER COLUMN id SET DEFAULT uuid_generate_v7();
ALTER TABLE annual_predictions ALTER COLUMN id SET DEFAULT uuid_generate_v7();
ALTER TABLE quarterly_predictions ALTER COLUMN id SET DEFAULT uuid_generate_v7();
ALTER TABLE sec_filings ALTER COLUMN id SET DEFAULT uuid_generate_v7();
ALTER TABLE documents ALTER COLUMN id SET DEFAULT uuid_generate_v7();
