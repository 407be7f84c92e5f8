-- Who may do what, enforced by the database rather than by review (see README, "Using an
-- external PostgreSQL"). This migration's login owns every schema and table. The running portal
-- and idp log in as ${runtime_role}, which owns nothing, and the importer as ${importer_role}; each
-- gets exactly what its code does, nothing by default. A later migration that adds a table grants
-- it here too (DatabaseRolesTest fails on a table nobody was granted nor named as no one's).
--
-- The owner's own rights are never revoked here: with a single login for everything (an external
-- server without spring.flyway.user) both names are the owner's and these grants change nothing.

grant usage on schema records, portal, idp to "${runtime_role}";
grant usage on schema records to "${importer_role}";

-- The read store: the portal and the idp read what they show a citizen. The importer's own
-- bookkeeping (files taken, receipts behind the lines, the drug master) and what matched nobody
-- (never shown to anyone) are not theirs to read.
grant select on records.person, records.card_certificate, records.insurer, records.institution, records.data_as_of,
    records.qualification, records.dispensing, records.checkup, records.checkup_result, records.cost_notice,
    records.data_provision
    to "${runtime_role}";

-- The importer is the read store's one door: it reads and writes every table there (and draws
-- receipt ids from their sequence), and nothing anywhere else. Tables later migrations add to the
-- read store are its too.
grant select, insert, update, delete on all tables in schema records to "${importer_role}";
grant usage on all sequences in schema records to "${importer_role}";
alter default privileges in schema records grant select, insert, update, delete on tables to "${importer_role}";
alter default privileges in schema records grant usage on sequences to "${importer_role}";

-- Card-use registrations: made, read, and cancelled (only the two cancellation columns change).
grant select, insert on portal.card_use_registration to "${runtime_role}";
grant update (cancelled_at, cancel_channel) on portal.card_use_registration to "${runtime_role}";
-- The 資格確認書 requests a cancellation causes: written for the insurer, and read back to tell the
-- citizen whether one was asked for.
grant select, insert on portal.eligibility_certificate_request to "${runtime_role}";
-- The access log: appended to, and read (by the citizen's history, the verifier, and the append
-- trigger that links each row to the one before). Never updated, deleted or truncated: no grant
-- allows it, and the triggers refuse it even to the owner.
grant select, insert on portal.access_log to "${runtime_role}";
-- Kiosk terminals: registered (--kiosk-register, the demo terminal) and looked up by the portal
-- and the idp; retired by the operator with the owner's login.
grant select, insert on portal.kiosk_terminal to "${runtime_role}";

-- The idp's login challenges: issued, consumed once (only consumed_at changes), expired ones removed.
grant select, insert, delete on idp.card_challenge to "${runtime_role}";
grant update (consumed_at) on idp.card_challenge to "${runtime_role}";
