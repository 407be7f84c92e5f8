-- Login challenges of the identity provider: random, bound to the browser session that asked for
-- them, usable once and for five minutes (the check is in CardChallengeStore).
create table idp.card_challenge (
    challenge       text primary key check (length(challenge) between 32 and 128),
    session_binding text not null,
    created_at      timestamptz not null,
    consumed_at     timestamptz
);
create index card_challenge_created on idp.card_challenge (created_at);
comment on table idp.card_challenge is 'Card login challenges: single use, session bound, 5 minute lifetime';
