-- The notes parties wrote on a referral, sealed as they travelled on Kafka (the gateway opens them only for a
-- party agency, audited). One row per lifecycle event that carried a note: a redelivered event adds nothing.
create table referral_note (
    event_id        text        primary key,
    referral_id     uuid        not null,
    at              timestamptz not null,
    agency_id       text        not null,
    actor           text,
    action          text        not null,
    sealed          jsonb       not null
);
create index referral_note_referral on referral_note (referral_id, at);
