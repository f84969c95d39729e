-- For an escalation, its level (SUPERVISOR, HEAD, PROVINCE...): the alert's wording depends on it.
alter table notification add column level text;
