-- The trace the event belongs to (W3C traceparent), so the relay's Kafka record continues it.
alter table outbox_event add column traceparent text;
