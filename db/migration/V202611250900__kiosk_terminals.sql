-- Municipal kiosk terminals (住民向け端末). Each has its own key pair: the private key stays on the
-- terminal (its local signer signs a terminal statement with every login), the public key is here,
-- where the idp checks the statement before it calls a login a kiosk login. Retiring a terminal
-- keeps its row, so the access log's terminal ids stay explained.
create table portal.kiosk_terminal (
    terminal_id    text primary key check (terminal_id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    municipality   text not null check (length(municipality) between 1 and 100),
    place          text not null check (length(place) between 1 and 200),
    public_key     bytea not null,
    registered_at  timestamptz not null,
    retired_at     timestamptz
);
comment on table portal.kiosk_terminal is 'Kiosk terminals: where they stand, and the public key of their terminal statements';
comment on column portal.kiosk_terminal.public_key is 'X.509 SubjectPublicKeyInfo (DER) of the terminal''s EC P-256 key';
