-- A key's claim is now committed together with the request's work and its answer. A claim left without an
-- answer by an earlier gateway (one that died in the middle of a request) is dropped, so that the retry
-- does the request again, under the same referral id, as the earlier gateway's takeover would have.
delete from idempotent_request where status is null;
