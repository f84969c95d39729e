-- when a request's key was claimed (or taken over): a claim left unanswered by a gateway that died can be
-- taken over by a retry once it is older than rujukan.idempotency.takeover-after
alter table idempotent_request add column claimed_at timestamptz not null default now();
