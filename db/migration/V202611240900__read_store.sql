-- The schemas of the system: the read store fed by insurers and payers (records), what the portal
-- writes itself (portal), and the identity provider's own tables (idp).
create schema if not exists records;
create schema if not exists portal;
create schema if not exists idp;

comment on schema records is 'Read store: written by the importer and the demo generator only; every citizen table is keyed person_id first so it can be distributed by it';

-- Reference tables (small, replicated to every node when distributed).
create table records.insurer (
    insurer_number varchar(8) primary key check (insurer_number ~ '^([0-9]{6}|[0-9]{8})$'),
    name           text not null,
    kind           text not null check (kind in ('協会けんぽ', '健康保険組合', '共済組合', '国民健康保険', '後期高齢者医療')),
    prefecture     smallint not null check (prefecture between 1 and 47)
);
comment on column records.insurer.insurer_number is '保険者番号: 8 digits, 6 for municipal 国民健康保険';

create table records.institution (
    institution_code char(10) primary key check (institution_code ~ '^[0-9]{10}$'),
    name             text not null,
    kind             text not null check (kind in ('病院', '診療所', '歯科診療所', '薬局', '訪問看護ステーション')),
    prefecture       smallint not null check (prefecture between 1 and 47)
);
comment on table records.institution is 'Medical institutions and pharmacies (医療機関等コード, 10 digits)';

create table records.data_as_of (
    data_kind        text primary key check (data_kind in ('qualification', 'dispensing', 'checkup', 'cost_notice')),
    complete_through date not null
);
comment on table records.data_as_of is 'Up to which date each data kind is complete (claims lag a month or two)';

-- Citizen tables: person_id first in every key and index.
create table records.person (
    person_id         uuid primary key,
    family_name       text not null,
    given_name        text not null,
    family_name_kana  text not null,
    given_name_kana   text not null,
    birth_date        date not null,
    sex               smallint not null check (sex in (1, 2)),
    municipality_code char(6) not null check (municipality_code ~ '^[0-9]{6}$')
);
comment on column records.person.person_id is 'Opaque portal id (random UUID): never the My Number, never a certificate serial';
comment on column records.person.sex is '1 male, 2 female (as on the insurance qualification)';

create table records.card_certificate (
    issuer        text not null,
    serial_number numeric(50, 0) not null,
    person_id     uuid not null references records.person,
    not_before    timestamptz not null,
    not_after     timestamptz not null,
    status        text not null check (status in ('active', 'revoked')),
    primary key (issuer, serial_number)
);
create index card_certificate_person on records.card_certificate (person_id);
comment on table records.card_certificate is 'Links a user-authentication certificate (issuer DN + serial) to a person';

create table records.qualification (
    person_id       uuid not null references records.person,
    qualification_id bigint generated always as identity,
    insurer_number  varchar(8) not null references records.insurer,
    symbol          text,
    number          text not null,
    branch          char(2) not null check (branch ~ '^[0-9]{2}$'),
    relationship    text not null check (relationship in ('本人', '家族')),
    copay_percent   smallint not null check (copay_percent in (10, 20, 30)),
    valid_from      date not null,
    valid_to        date,
    limit_category  text check (limit_category ~ '^(A0[1-6]|B(0[1-9]|10))$'),
    primary key (person_id, qualification_id),
    check (valid_to is null or valid_to >= valid_from)
);
create index qualification_person_valid on records.qualification (person_id, valid_from desc);
comment on column records.qualification.symbol is '被保険者証等記号 (none for 後期高齢者医療)';
comment on column records.qualification.number is '被保険者証等番号';
comment on column records.qualification.branch is '枝番';
comment on column records.qualification.limit_category is '限度額適用区分 code: A01-A06 (ア〜オ), B01-B10';

create table records.dispensing (
    person_id       uuid not null references records.person,
    dispensing_id   bigint generated always as identity,
    dispensed_on    date not null,
    dispenser_code  char(10) not null references records.institution,
    prescriber_code char(10) references records.institution,
    drug_code       varchar(12) not null,
    drug_name       text not null,
    generic         boolean not null,
    quantity        numeric(10, 3) not null check (quantity > 0),
    unit            text not null,
    usage           text not null,
    days            integer not null check (days between 1 and 365),
    category        text not null check (category in ('内服', '頓服', '外用', '注射')),
    primary key (person_id, dispensing_id)
);
create index dispensing_person_date on records.dispensing (person_id, dispensed_on desc, dispensing_id desc);
comment on table records.dispensing is '薬剤情報: one line per drug dispensed, from claims';
comment on column records.dispensing.drug_code is 'YJ code (12 characters); its first 7 identify the ingredient';
comment on column records.dispensing.days is 'Days supplied (内服/外用) or times (頓服)';

create table records.checkup (
    person_id           uuid not null references records.person,
    checkup_id          uuid not null,
    checked_on          date not null,
    program             text not null check (program in ('特定健診', '後期高齢者健診')),
    institution_code    char(10) not null references records.institution,
    metabolic_judgement smallint check (metabolic_judgement between 1 and 4),
    guidance_level      smallint check (guidance_level between 1 and 4),
    primary key (person_id, checkup_id)
);
create index checkup_person_date on records.checkup (person_id, checked_on desc);
comment on column records.checkup.metabolic_judgement is 'メタボ判定 (9N501): 1 基準該当, 2 予備群該当, 3 非該当, 4 判定不能';
comment on column records.checkup.guidance_level is '保健指導レベル (9N506): 1 積極的支援, 2 動機付け支援, 3 なし, 4 判定不能';

create table records.checkup_result (
    person_id      uuid not null,
    checkup_id     uuid not null,
    item_code      char(17) not null check (item_code ~ '^[0-9A-Z]{17}$'),
    item_name      text not null,
    value_numeric  numeric(10, 2),
    value_text     text,
    unit           text,
    reference_low  numeric(10, 2),
    reference_high numeric(10, 2),
    flag           char(1) check (flag in ('H', 'L')),
    primary key (person_id, checkup_id, item_code),
    foreign key (person_id, checkup_id) references records.checkup,
    check (value_numeric is not null or value_text is not null)
);
comment on column records.checkup_result.item_code is 'JLAC10 code (17 characters, code system 1.2.392.200119.6.1005)';
comment on column records.checkup_result.flag is 'H above, L below the reference range; null within it or not applicable';

create table records.cost_notice (
    person_id        uuid not null references records.person,
    notice_id        bigint generated always as identity,
    service_month    date not null check (extract(day from service_month) = 1),
    institution_code char(10) not null references records.institution,
    insurer_number   varchar(8) not null references records.insurer,
    category         text not null check (category in ('入院', '外来', '歯科', '調剤', '訪問看護')),
    days             smallint not null check (days between 1 and 31),
    total_cost       bigint not null check (total_cost >= 0),
    insurer_share    bigint not null check (insurer_share >= 0),
    public_share     bigint not null default 0 check (public_share >= 0),
    patient_share    bigint not null check (patient_share >= 0),
    primary key (person_id, notice_id),
    check (insurer_share + public_share + patient_share = total_cost)
);
create index cost_notice_person_month on records.cost_notice (person_id, service_month desc, notice_id);
comment on table records.cost_notice is '医療費通知情報: one line per person, month, institution and category, in yen';
comment on column records.cost_notice.patient_share is '窓口相当負担額: an estimate from the copay rate, not the amount actually paid';
