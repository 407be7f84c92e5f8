-- 予防接種: the municipalities' records of routine vaccinations (定期接種 under the 予防接種法),
-- delivered as a CSV feed (src/docs/importer/feeds.md, vaccinations.csv) through the importer.

-- The vaccines the feed may name: a code list, not a master a feed updates. A new vaccine joins the
-- routine programme by a change of the 予防接種法施行令, a few times a decade; it comes with a migration
-- (and the page's schedule and its names in both languages) rather than by a file nobody reviews.
create table records.vaccine (
    vaccine_code text primary key check (vaccine_code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
    name         text not null,
    max_dose     smallint not null check (max_dose between 1 and 9),
    category     char(1) not null check (category in ('A', 'B'))
);
comment on table records.vaccine is 'Vaccines of the routine programme (定期接種) a municipal record may name';
comment on column records.vaccine.max_dose is 'Highest dose number of the vaccine, counted over its periods (JE: 1期初回 1-2, 1期追加 3, 2期 4); 1 for the yearly B類 vaccines';
comment on column records.vaccine.category is 'A: A類疾病 (children, a duty to try to be vaccinated), B: B類疾病 (older people, their own choice)';

insert into records.vaccine (vaccine_code, name, max_dose, category) values
    ('DPT-IPV-HIB', '五種混合（DPT-IPV-Hib）', 4, 'A'),
    ('DPT-IPV', '四種混合（DPT-IPV）', 4, 'A'),
    ('DPT', '三種混合（DPT）', 4, 'A'),
    ('IPV', '不活化ポリオ（IPV）', 4, 'A'),
    ('DT', '二種混合（DT）', 1, 'A'),
    ('HIB', 'ヒブ（Hib）', 4, 'A'),
    ('PCV', '小児の肺炎球菌', 4, 'A'),
    ('HBV', 'B型肝炎', 3, 'A'),
    ('RV1', 'ロタウイルス（1価）', 2, 'A'),
    ('RV5', 'ロタウイルス（5価）', 3, 'A'),
    ('BCG', 'BCG（結核）', 1, 'A'),
    ('MR', '麻しん風しん混合（MR）', 2, 'A'),
    ('VAR', '水痘（みずぼうそう）', 2, 'A'),
    ('JE', '日本脳炎', 4, 'A'),
    ('HPV2', 'HPV（2価）', 3, 'A'),
    ('HPV4', 'HPV（4価）', 3, 'A'),
    ('HPV9', 'HPV（9価）', 3, 'A'),
    ('FLU', 'インフルエンザ（高齢者）', 1, 'B'),
    ('PPSV23', '肺炎球菌（高齢者、23価）', 1, 'B'),
    ('COVID-19', '新型コロナウイルス感染症（高齢者）', 1, 'B');

-- One row a dose given. person_id leads the key and the page's index, as in every citizen table.
-- The municipality's own id of the record identifies it: a later line with the same id corrects it
-- (date, lot, place, or the person it was linked to). The identity includes person_id so that the
-- table can be distributed by it (src/docs/scale-out.md); the loader removes a corrected record from the
-- person it no longer belongs to.
create table records.vaccination (
    person_id         uuid not null references records.person,
    vaccination_id    bigint generated always as identity,
    vaccine_code      text not null references records.vaccine,
    dose_number       smallint not null check (dose_number between 1 and 9),
    given_on          date not null,
    lot_number        text check (length(lot_number) between 1 and 20),
    place             text not null check (length(place) between 1 and 100),
    municipality_code char(6) not null check (municipality_code ~ '^[0-9]{6}$'),
    record_ref        text not null check (record_ref ~ '^[0-9A-Za-z-]{1,40}$'),
    recorded_on       date not null,
    primary key (person_id, vaccination_id),
    check (given_on <= recorded_on)
);
create index vaccination_person_date on records.vaccination (person_id, given_on desc, vaccination_id desc);
create unique index vaccination_identity on records.vaccination (person_id, municipality_code, record_ref);
comment on table records.vaccination is '予防接種: routine vaccinations as the municipality recorded them (定期接種 only; no 任意接種)';
comment on column records.vaccination.record_ref is 'The municipality''s id of the record (its 予防接種台帳), unique within the municipality';
comment on column records.vaccination.place is 'Where it was given, as the municipality wrote it (a clinic, or the health centre of a group session)';
comment on column records.vaccination.recorded_on is 'The day the municipality recorded it; records.data_as_of for vaccinations is the latest of these';

-- The new data kind, file kind and unmatched kind. A vaccination record finds its person by the
-- intermediary's person_ref and is confirmed by the birth date, so what matched nobody has no
-- insured key: those columns are for claims and checkups only.
alter table records.data_as_of drop constraint data_as_of_data_kind_check;
alter table records.data_as_of add constraint data_as_of_data_kind_check
    check (data_kind in ('qualification', 'dispensing', 'checkup', 'cost_notice', 'vaccination'));

alter table records.import_file drop constraint import_file_kind_check;
alter table records.import_file add constraint import_file_kind_check
    check (kind in ('insurers', 'institutions', 'drug_master', 'qualifications', 'card_links', 'provisions', 'claims',
                    'checkups', 'vaccinations'));

alter table records.unmatched drop constraint unmatched_kind_check;
alter table records.unmatched add constraint unmatched_kind_check check (kind in ('claim', 'checkup', 'vaccination'));
alter table records.unmatched drop constraint unmatched_reason_check;
alter table records.unmatched add constraint unmatched_reason_check
    check (reason in ('no_qualification', 'ambiguous', 'name_differs', 'birth_date_differs', 'unknown_person'));
alter table records.unmatched alter column insurer_number drop not null, alter column symbol drop not null,
    alter column number drop not null, alter column branch drop not null;
alter table records.unmatched add constraint unmatched_insured_key check (
    kind = 'vaccination' or (insurer_number is not null and symbol is not null and number is not null and branch is not null));
comment on table records.unmatched is 'Claims, checkups and vaccinations that match no person (claims and checkups by 保険者番号 + 記号・番号・枝番 and period, vaccinations by person_ref), or whose name or birth date differs: never shown to anyone';

-- The portal reads what it shows (see V202612011000); the importer's rights on the new tables
-- come from the default privileges granted there.
grant select on records.vaccine, records.vaccination to "${runtime_role}";
