-- Which master key wrapped each case's data key, so that the master key can be rotated: keys wrapped with a
-- previous one are found and re-wrapped with the current one. Keys wrapped before this have none yet.
alter table case_key add column master_key_id text;
create index case_key_to_rewrap on case_key (master_key_id) where wrapped_key is not null;
