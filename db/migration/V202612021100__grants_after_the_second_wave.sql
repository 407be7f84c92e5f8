-- Grants for what migrations beside the least-privilege one added (see V202612011000): the keyed
-- access log's chain heads, sequence and partition function, and the card check's outcome columns.

-- Appending to the access log locks its chain's head, reads it and moves it on; the row's id comes
-- from the log's sequence; the portal makes the months ahead through the owner's function.
grant select, update on portal.access_log_chain to "${runtime_role}";
grant usage on sequence portal.access_log_id_seq to "${runtime_role}";
grant execute on function portal.access_log_add_partitions(date, integer) to "${runtime_role}";

-- The card check across sites records its outcome on the challenge, and the completing GET marks it used.
grant update (handle_hash, checked_at, person_id, kiosk_terminal, failure, completed_at) on idp.card_challenge
    to "${runtime_role}";
