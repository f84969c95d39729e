-- The first answer to each (agency, Idempotency-Key): a retry with the same request gets it again and
-- does nothing more; the same key with another request is refused (422).
create table idempotent_request (
    agency_id     text        not null,
    idem_key      text        not null,
    fingerprint   text        not null,
    status        integer,
    location      text,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (agency_id, idem_key)
);

-- Which agency is responsible for each case, from the lifecycle events: only it may hand the case off.
create table case_owner (
    case_id         text primary key,
    owner_agency_id text   not null,
    version         bigint not null
);
