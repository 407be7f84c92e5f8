-- The kiosk terminal register moves to the idp's schema: the idp is what checks a terminal's
-- statement when a kiosk logs in, and the portal never looks at it. Registering a terminal
-- (--kiosk-register, the demo terminal) is the idp's code too, so each role keeps to its own schema.
-- Same columns, checks and comments as V202611250900; the rows come along, retired ones included.
create table idp.kiosk_terminal (
    terminal_id    text primary key check (terminal_id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    municipality   text not null check (length(municipality) between 1 and 100),
    place          text not null check (length(place) between 1 and 200),
    public_key     bytea not null,
    registered_at  timestamptz not null,
    retired_at     timestamptz
);
comment on table idp.kiosk_terminal is 'Kiosk terminals: where they stand, and the public key of their terminal statements';
comment on column idp.kiosk_terminal.public_key is 'X.509 SubjectPublicKeyInfo (DER) of the terminal''s EC P-256 key';

insert into idp.kiosk_terminal (terminal_id, municipality, place, public_key, registered_at, retired_at)
select terminal_id, municipality, place, public_key, registered_at, retired_at from portal.kiosk_terminal;

drop table portal.kiosk_terminal;

-- The runtime login (see V202612011000) registers terminals and looks them up; retiring one stays
-- the operator's, with the owner's login. The importer has no business in the idp's schema.
grant select, insert on idp.kiosk_terminal to "${runtime_role}";
