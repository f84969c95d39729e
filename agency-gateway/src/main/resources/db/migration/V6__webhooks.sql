-- Each agency's webhook: where its events are pushed, and the secret they are signed with.
create table webhook (
    agency_id   text primary key,
    url         text        not null,
    secret      text        not null,
    updated_at  timestamptz not null
);

-- One row per event per agency it concerns. Sent in order per (agency, referral): a delivery waits
-- while an older one for the same referral is still pending. Retried with backoff for at least a day.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    agency_id       text        not null,
    referral_id     uuid        not null,
    event_id        text        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    last_error      text,
    unique (agency_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_order on webhook_delivery (agency_id, referral_id, id);
