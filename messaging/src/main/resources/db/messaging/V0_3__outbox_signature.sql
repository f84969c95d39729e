-- The event's signature by the agency it speaks for, and the id of the key that made it (EventSigner); null for
-- an event its service writes unsigned.
alter table outbox_event add column signature text;
alter table outbox_event add column signing_key text;
