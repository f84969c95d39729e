-- SMS: which provider took a message and its id for it (delivery receipts name that id), when a receipt
-- said it was delivered, and when the first attempt was (retries stop a set time after it).
alter table notification
    add column provider            text,
    add column provider_message_id text,
    add column delivered_at        timestamptz,
    add column first_attempt_at    timestamptz,
    add column deferred_until      timestamptz;
create index notification_receipt on notification (provider, provider_message_id)
    where provider_message_id is not null;
