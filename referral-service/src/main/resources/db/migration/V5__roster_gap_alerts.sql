-- The roster gaps the agency's admin and supervisor were alerted to: one alert per level per version of the roster
-- (its digest), however often the gap is found again, and by whichever replica finds it first.
create table roster_gap_alert (
    agency_id     text        not null,
    level         text        not null,
    roster_digest text        not null,
    gap_from      timestamptz not null,
    gap_until     timestamptz not null,
    alerted_at    timestamptz not null,
    primary key (agency_id, level, roster_digest)
);
