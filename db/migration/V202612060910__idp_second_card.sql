-- A parent registering as a child's legal representative (issue #16): in one login the signer reads
-- the parent's card and then the child's, both signing the same challenge. The challenge says it
-- wants the pair; the check records the second card's person beside the first.
alter table idp.card_challenge
    add column pair             text check (pair in ('child')),
    add column second_person_id uuid,
    add constraint card_challenge_second_after_first check (second_person_id is null or person_id is not null),
    add constraint card_challenge_second_only_for_a_pair check (second_person_id is null or pair is not null);
comment on column idp.card_challenge.pair is 'child: the login must present a second card (a child''s) signing the same challenge';
comment on column idp.card_challenge.second_person_id is 'Whose second card passed every check, for a pair login';

grant update (second_person_id) on idp.card_challenge to "${runtime_role}";
