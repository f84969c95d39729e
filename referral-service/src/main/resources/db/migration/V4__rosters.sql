-- Who is on duty when, with covers for leave and swaps: null for an agency that keeps no roster (then every contact
-- is on duty for their role).
alter table agency add column roster jsonb;
