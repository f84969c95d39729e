-- Nothing looks an outbox row up by its event id (the relay reads and deletes by seq), and the ids are random
-- UUIDs: their unique index cost a random B-tree page for every event written, the largest single write in a
-- burst of escalations (five events a step). The consumers' consumed_event table is what refuses an event twice.
alter table outbox_event drop constraint outbox_event_event_id_key;
