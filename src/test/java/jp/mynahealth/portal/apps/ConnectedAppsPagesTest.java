package jp.mynahealth.portal.apps;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jp.mynahealth.Role;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;

/**
 * 連携中のアプリ on the demo store: consents as the idp records them (rows written here), listed for
 * the person whose data they read and for the proxy who gave them; disconnected at once, with the
 * Authorization Server's record; an app's reads in the history by the app's name.
 */
class ConnectedAppsPagesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse(ReadStoreTest.TODAY + "T10:00:00+09:00");
    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
        jdbc.sql("""
                insert into idp.app (app_id, name, operator, redirect_uris, scopes, secret_hash, registered_at)
                values ('pages-test-phr', 'けんこう手帳アプリ', 'けんこう株式会社', array['https://phr.example/cb'],
                        array['drugs', 'checkups', 'costs'], null, :now)
                on conflict (app_id) do nothing
                """).param("now", NOW).update();
    }

    private static long consent(UUID person, UUID actor, Long grant, String scopes, int days) {
        String authorization = "pages-test-" + UUID.randomUUID();
        jdbc.sql("""
                update idp.app_consent set ended_at = :now, ended_by = 'replaced'
                where person_id = :person and app_id = 'pages-test-phr' and ended_at is null
                """).param("person", person).param("now", NOW).update();
        return jdbc.sql("""
                insert into idp.app_consent (person_id, actor_id, grant_id, app_id, authorization_id, scopes, once, granted_at, valid_until)
                values (:person, :actor, :grant, 'pages-test-phr', :authorization, string_to_array(:scopes, ' '), false, :now,
                        :now + make_interval(days => :days))
                returning consent_id
                """).param("person", person).param("actor", actor).param("grant", grant).param("authorization", authorization)
                .param("scopes", scopes).param("now", NOW).param("days", days).query(Long.class).single();
    }

    private static String page(UUID person) throws Exception {
        MvcResult result = mvc.perform(get("/apps").with(as(person))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListSaysWhatEachAppReadsAndUntilWhen() throws Exception {
        consent(HANAKO, null, null, "drugs costs", 90);
        String page = page(HANAKO);
        assertThat(page).contains("けんこう手帳アプリ", "けんこう株式会社", "お薬の情報（調剤されたお薬）", "医療費の情報（医療費通知）",
                "まだ読んでいません", "「けんこう手帳アプリ」との連携を解除する").doesNotContain("健診の情報（特定健診の結果）");
    }

    @Test
    void disconnectingEndsTheConsentAtOnceInThePortalsOwnRecords() throws Exception {
        long id = consent(HANAKO, null, null, "checkups", 30);
        MvcResult done = mvc.perform(post("/apps/" + id + "/disconnect").with(csrf()).with(as(HANAKO))).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/apps");
        assertThat(jdbc.sql("select ended_by from portal.app_disconnection where consent_id = :c").param("c", id)
                .query(String.class).single()).isEqualTo("person");
        // The idp's consent is the idp's: the portal writes nothing there.
        assertThat(jdbc.sql("select ended_at is null from idp.app_consent where consent_id = :c").param("c", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(page(HANAKO)).doesNotContain("健診の情報（特定健診の結果）");
        assertThat(jdbc.sql("""
                select result from portal.access_log where person_id = :p and action = 'disconnect_app' order by log_id desc limit 1
                """).param("p", HANAKO).query(String.class).single()).isEqualTo("ok");
    }

    @Test
    void nobodyEndsAnotherPersonsConsent() throws Exception {
        long id = consent(ICHIRO, null, null, "drugs", 30);
        assertThat(mvc.perform(post("/apps/" + id + "/disconnect").with(csrf()).with(as(HANAKO))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from portal.app_disconnection where consent_id = :c").param("c", id)
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(post("/apps/" + id + "/disconnect").with(as(ICHIRO))).andReturn().getResponse().getStatus())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aProxysConsentIsListedForBothAndEitherMayEndIt() throws Exception {
        long grant = jdbc.sql("""
                select grant_id from portal.proxy_grant where proxy_id = :taro and principal_id = :ichiro and ended_at is null
                """).param("taro", TARO).param("ichiro", ICHIRO).query(Long.class).single();
        long id = consent(ICHIRO, TARO, grant, "drugs", 30);
        assertThat(page(TARO)).contains("代理で連携したアプリ", "見本 一郎 さん（あなたが代理人です）");
        assertThat(page(ICHIRO)).contains("けんこう手帳アプリ", "代理人 見本 太郎 さん");
        mvc.perform(post("/apps/" + id + "/disconnect").with(csrf()).with(as(TARO))).andReturn();
        assertThat(jdbc.sql("select ended_by from portal.app_disconnection where consent_id = :c").param("c", id)
                .query(String.class).single()).isEqualTo("proxy");
        assertThat(jdbc.sql("""
                select actor_id from portal.access_log where person_id = :p and action = 'disconnect_app' order by log_id desc limit 1
                """).param("p", ICHIRO).query(UUID.class).single()).isEqualTo(TARO);
    }

    @Test
    void anAppsReadsAreInTheHistoryByItsName() throws Exception {
        AccessLog log = PortalRole.roles().context(Role.PORTAL).getBean(AccessLog.class);
        log.record(new Visit(new PersonId(HANAKO), Channel.API, "pages-test-phr"), Action.API_DRUGS, Result.OK);
        String history = mvc.perform(get("/history").with(as(HANAKO))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(history).contains("アプリがお薬の情報を読みました", "連携中のアプリ「けんこう手帳アプリ」");
    }
}
