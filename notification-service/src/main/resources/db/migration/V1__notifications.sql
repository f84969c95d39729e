-- One row per notification key (referral, step, recipient, channel): a redelivered request finds its
-- row and sends nothing twice. Rows due for an attempt are claimed with FOR UPDATE SKIP LOCKED.
create table notification (
    id                  uuid primary key,
    notification_key    text        not null unique,
    referral_id         text        not null,
    agency_id           text        not null,
    recipient_role      text        not null,
    channel             text        not null,
    template            text        not null,
    template_version    text,
    referring_agency_id text        not null,
    category            text        not null,
    urgency             text        not null,
    status              text        not null,
    attempts            int         not null default 0,
    next_attempt_at     timestamptz,
    last_error          text,
    recipient_address   text,
    created_at          timestamptz not null,
    sent_at             timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'QUEUED';
