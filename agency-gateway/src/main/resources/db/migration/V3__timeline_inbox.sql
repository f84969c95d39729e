-- Every line of a referral's timeline as the gateway learns it from events: state changes, routing
-- decisions, escalations, refused actions, notifications. One row per event (event_id deduplicates).
create table timeline_entry (
    id              bigint generated always as identity primary key,
    referral_id     uuid        not null,
    event_id        text        not null unique,
    at              timestamptz not null,
    kind            text        not null,
    actor_agency_id text,
    actor           text,
    from_state      text,
    to_state        text,
    detail          text        not null
);
create index timeline_entry_referral on timeline_entry (referral_id, at, id);

-- An escalation fired and no answer has come since.
alter table referral_view add column overdue boolean not null default false;
-- inbox and sent lists page by (updated_at, id), newest first
create index referral_view_target_page on referral_view (target_agency_id, updated_at desc, id desc);
create index referral_view_referrer_page on referral_view (referring_agency_id, updated_at desc, id desc);
