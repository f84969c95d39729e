-- The evidence log: every event this gateway sent or received, as it travelled (its data by digest), kept so that
-- an agency can prove later what it said and what it was told, and when. Entries are only ever added; a sealer
-- chains them in blocks (evidence_block), each naming its entries with their hashes and the hash of the block
-- before it, so that an entry altered, removed or slipped in afterwards is found by verification
-- (EvidenceVerification, agency-gateway/verify-evidence.sh).
create table evidence_entry (
    id           bigint      generated always as identity primary key,
    -- the transaction that wrote it: the sealer takes only entries of transactions that have ended, so that no
    -- entry can commit into a range it has sealed
    xact         bigint      not null default pg_current_xact_id()::text::bigint,
    recorded_at  timestamptz not null default now(),
    direction    text        not null check (direction in ('SENT', 'RECEIVED')),
    event_id     text        not null,
    type         text        not null,
    source       text        not null,
    agency_id    text        not null,
    subject      text,
    occurred_at  timestamptz,
    data_sha256  text        not null,
    signing_key  text,
    signature    text,
    unique (direction, event_id)
);
create index evidence_entry_xact on evidence_entry (xact);

create table evidence_block (
    block_index   bigint      primary key,
    sealed_at     timestamptz not null,
    -- every entry of a transaction before this one (pg_snapshot_xmin when sealed) is in this block or before it
    up_to_xact    bigint      not null,
    entry_ids     bigint[]    not null,
    entry_hashes  text[]      not null,
    previous_hash text        not null,
    block_hash    text        not null
);

-- append-only: the application may add entries and blocks, never change or remove one
create function evidence_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the evidence log is append-only: % on % refused', tg_op, tg_table_name;
end;
$$;
create trigger evidence_entry_append_only before update or delete on evidence_entry
    for each row execute function evidence_append_only();
create trigger evidence_block_append_only before update or delete on evidence_block
    for each row execute function evidence_append_only();
create trigger evidence_entry_no_truncate before truncate on evidence_entry
    for each statement execute function evidence_append_only();
create trigger evidence_block_no_truncate before truncate on evidence_block
    for each statement execute function evidence_append_only();
