-- Sessions and authorizations in the database, so any instance of the portal or the idp can serve
-- any request and a restart logs nobody out (issue 14).
--
-- Spring Session JDBC's tables, from its schema-postgresql.sql, once for each role that keeps
-- sessions and in that role's own schema (spring.session.jdbc.table-name in portal.properties and
-- idp.properties). The library names the attribute table after the session table plus
-- "_ATTRIBUTES", which PostgreSQL folds to lower case. Expired rows are deleted by each instance's
-- cleanup job (once a minute).
create table portal.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on portal.spring_session (session_id);
create index spring_session_ix2 on portal.spring_session (expiry_time);
create index spring_session_ix3 on portal.spring_session (principal_name);

create table portal.spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references portal.spring_session (primary_id) on delete cascade
);

comment on table portal.spring_session is 'Portal browser sessions (Spring Session JDBC); principal_name is the person id';
comment on table portal.spring_session_attributes is 'Serialized attributes of portal sessions: security context, authorization request, CSRF token';

create table idp.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on idp.spring_session (session_id);
create index spring_session_ix2 on idp.spring_session (expiry_time);
-- Also how the idp finds a person's OpenID Connect sessions (the ID token's sid, checked at logout).
create index spring_session_ix3 on idp.spring_session (principal_name);

create table idp.spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references idp.spring_session (primary_id) on delete cascade
);

comment on table idp.spring_session is 'Identity provider browser sessions (Spring Session JDBC); principal_name is the person id';
comment on table idp.spring_session_attributes is 'Serialized attributes of idp sessions: challenge binding, security context, saved authorization request';

-- Spring Authorization Server's JdbcOAuth2AuthorizationService and JdbcOAuth2AuthorizationConsentService
-- tables, from its oauth2-authorization-schema.sql and oauth2-authorization-consent-schema.sql with
-- the types its own notes give for PostgreSQL: text for blob, timestamptz for timestamp. The services
-- name these tables without a schema; the idp runs them with search_path set to idp (IdpSchema).
create table idp.oauth2_authorization (
    id                            varchar(100) not null,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text default null,
    state                         varchar(500) default null,
    authorization_code_value      text default null,
    authorization_code_issued_at  timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata   text default null,
    access_token_value            text default null,
    access_token_issued_at        timestamptz default null,
    access_token_expires_at       timestamptz default null,
    access_token_metadata         text default null,
    access_token_type             varchar(100) default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text default null,
    oidc_id_token_issued_at       timestamptz default null,
    oidc_id_token_expires_at      timestamptz default null,
    oidc_id_token_metadata        text default null,
    refresh_token_value           text default null,
    refresh_token_issued_at       timestamptz default null,
    refresh_token_expires_at      timestamptz default null,
    refresh_token_metadata        text default null,
    user_code_value               text default null,
    user_code_issued_at           timestamptz default null,
    user_code_expires_at          timestamptz default null,
    user_code_metadata            text default null,
    device_code_value             text default null,
    device_code_issued_at         timestamptz default null,
    device_code_expires_at        timestamptz default null,
    device_code_metadata          text default null,
    primary key (id)
);
-- The library looks authorizations up by token value: the code at the token endpoint, the access
-- token (userinfo), the ID token (id_token_hint at logout). Its schema has no index for them, so
-- every login would scan the table. Hash indexes: equality only, and a JWT may outgrow a btree entry.
create index oauth2_authorization_code on idp.oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_token on idp.oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_id_token on idp.oauth2_authorization using hash (oidc_id_token_value);

create table idp.oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

comment on table idp.oauth2_authorization is 'OAuth 2.0 authorizations of the idp (Spring Authorization Server): codes, tokens, the card login as JSON';
comment on table idp.oauth2_authorization_consent is 'Consents given to clients (none today: the portal needs no consent screen)';

-- The runtime login of the portal and the idp (see V202612011000): sessions are made, read, touched on
-- every request and removed (at logout, and by the cleanup of expired ones); authorizations are
-- saved, updated as codes and tokens are issued, looked up by token and removed (a replayed code).
grant select, insert, update, delete on portal.spring_session, portal.spring_session_attributes,
    idp.spring_session, idp.spring_session_attributes, idp.oauth2_authorization, idp.oauth2_authorization_consent
    to "${runtime_role}";
