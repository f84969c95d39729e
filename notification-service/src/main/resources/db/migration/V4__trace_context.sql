-- The trace of the request that queued the notification (W3C traceparent): its delivery, however late,
-- joins the same trace as the referral that caused it.
alter table notification add column traceparent text;
