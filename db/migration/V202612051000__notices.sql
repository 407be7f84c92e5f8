-- お知らせ (issue #17): the notices themselves are worked out at request time from the read store and
-- the portal's own records, never stored; only which of them the citizen has read is kept, by the
-- notice's stable key (what it is about, e.g. 'vaccination:JE:3:overdue'). A notice that no longer
-- applies simply stops being shown; its row stays, so it does not come back unread should it apply again.
create table portal.notice_read (
    person_id  uuid not null,
    notice_key text not null check (notice_key ~ '^[a-z0-9][a-z0-9_.:-]{0,99}$'),
    read_at    timestamptz not null,
    primary key (person_id, notice_key)
);
comment on table portal.notice_read is 'Which notices (お知らせ) a person has read, by the notice''s key; the notices are computed, not stored';

-- The portal marks notices read (insert ... on conflict do nothing: a second click changes nothing)
-- and reads them back. Nothing updates or deletes a row.
grant select, insert on portal.notice_read to "${runtime_role}";

-- "New data since your last visit" asks when the files behind a person's claims arrived. Only the
-- columns that say so: the runtime login still cannot read file names, counts, or the receipts' insured keys.
grant select (person_id, file_hash) on records.claim_receipt to "${runtime_role}";
grant select (file_hash, imported_at) on records.import_file to "${runtime_role}";
