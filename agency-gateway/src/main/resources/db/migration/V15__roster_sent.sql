-- The roster each agency's admin last sent, until the directory holds it: an admin who adds a shift and then
-- records leave a second later changes the roster just sent, not the one the directory still holds.
create table roster_sent (
    agency_id text        primary key,
    roster    jsonb       not null,
    sent_at   timestamptz not null
);
