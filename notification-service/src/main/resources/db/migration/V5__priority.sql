-- Emergencies and escalations are claimed ahead of routine alerts: when an SMS provider's contract limit,
-- not the machine, holds alerts back, a backlog of routine ones must never delay an emergency.
alter table notification add column priority integer not null default 2;
drop index notification_due;
create index notification_due on notification (priority, next_attempt_at) where status = 'QUEUED';
