-- Login across real sites (issue #15, item 8). The signer's auto-posted form reaches the idp as a
-- cross-site POST, which a SameSite=Lax session cookie does not come with; so the POST checks the
-- card and records the outcome here, on the challenge (which knows the session it was issued to),
-- under a one-time handle, and the login completes on a top-level GET that does carry the cookie.
alter table idp.card_challenge
    add column handle_hash    bytea unique check (octet_length(handle_hash) = 32),
    add column checked_at     timestamptz,
    add column person_id      uuid,
    add column kiosk_terminal text,
    add column failure        text,
    add column completed_at   timestamptz,
    add constraint card_challenge_one_outcome check (
        handle_hash is null and checked_at is null and person_id is null and failure is null
        or handle_hash is not null and checked_at is not null and (person_id is null) <> (failure is null));
comment on column idp.card_challenge.handle_hash is 'SHA-256 of the completion handle the POST answered with; the handle itself is kept nowhere';
comment on column idp.card_challenge.person_id is 'Whose card passed every check (null when it was refused)';
comment on column idp.card_challenge.failure is 'The class of refusal (LoginFailure) to show the browser the challenge was issued to';
comment on column idp.card_challenge.completed_at is 'When the handle was used (once, by the browser session the challenge was issued to)';
