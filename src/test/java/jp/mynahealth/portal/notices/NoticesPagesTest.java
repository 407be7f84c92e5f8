package jp.mynahealth.portal.notices;

import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.portal.access.EarlierVisits;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * The notices through the portal's real chain, on the demo store of the test day (24 November 2026):
 * they appear from what the store holds, clear when read, belong to one person only, and are in
 * the header of every page.
 */
class NoticesPagesTest {

    private static final String JE_OVERDUE = "vaccination:je:3:overdue";
    private static final Instant NOW = OffsetDateTime.parse(ReadStoreTest.TODAY + "T10:00:00+09:00").toInstant();

    private static MockMvc mvc;
    private static ApplicationContext portal;
    private static JdbcClient owner;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        portal = PortalRole.roles().context(Role.PORTAL);
        owner = JdbcClient.create(StoreLogins.owner(PortalRole.roles().common()));
    }

    /** The store outlives a test run: every test starts with nothing read. */
    @BeforeEach
    void nothingRead() {
        owner.sql("delete from portal.notice_read where person_id in (:people)")
                .param("people", java.util.List.of(SAKURA, TARO, person(0), person(1), person(2), person(3))).update();
    }

    private static String body(MockHttpServletRequestBuilder request, UUID person) throws Exception {
        return mvc.perform(request.with(as(person))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Generated people the other tests do not pick (they take theirs by plain or md5 order of the ids). */
    private static UUID person(int n) {
        return owner.sql("""
                select person_id from records.person p
                where family_name <> '見本' and birth_date < date '1990-01-01'
                  and exists (select 1 from records.claim_receipt r where r.person_id = p.person_id)
                  and exists (select 1 from records.qualification q where q.person_id = p.person_id and q.valid_to is null)
                order by md5('notices' || person_id::text)
                offset :n limit 1
                """).param("n", n).query(UUID.class).single();
    }

    private static long readRows(UUID person, String key) {
        return owner.sql("select count(*) from portal.notice_read where person_id = :p and notice_key = :k")
                .param("p", person).param("k", key).query(Long.class).single();
    }

    @Test
    void sakurasOverdueDoseIsANoticeThatClearsWhenOpened() throws Exception {
        String inbox = body(get("/notices"), SAKURA);
        assertThat(inbox).contains("<h1>お知らせ</h1>", "【未読】", "日本脳炎 1期追加：標準的な時期を過ぎています",
                "定期接種（公費）として受けられるのは令和8年12月", "value=\"" + JE_OVERDUE + "\"", "予防接種のページへ");
        String unreadBefore = headerLink(body(get("/dashboard"), SAKURA));
        assertThat(unreadBefore).contains("未読");
        long before = Long.parseLong(unreadBefore.replaceAll("\\D", ""));

        mvc.perform(post("/notices/read").param("key", JE_OVERDUE).param("then", "open").with(as(SAKURA)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/vaccinations"));
        assertThat(readRows(SAKURA, JE_OVERDUE)).isOne();
        String after = body(get("/notices"), SAKURA);
        assertThat(after).contains("【既読】", "日本脳炎 1期追加：標準的な時期を過ぎています");
        String unreadAfter = headerLink(body(get("/vaccinations"), SAKURA));
        assertThat(unreadAfter.replaceAll("\\D", "")).isEqualTo(before == 1 ? "" : String.valueOf(before - 1));

        // A second click (another tab) changes nothing.
        mvc.perform(post("/notices/read").param("key", JE_OVERDUE).with(as(SAKURA)).with(csrf()))
                .andExpect(redirectedUrl("/notices"));
        assertThat(readRows(SAKURA, JE_OVERDUE)).isOne();
    }

    @Test
    void theInboxIsInEnglishToo() throws Exception {
        String english = body(get("/notices").param("lang", "en"), SAKURA);
        assertThat(english).contains("<h1>Notices</h1>", "[Unread]", "Japanese encephalitis", "past the usual age",
                "Go to vaccinations", "December 2026").doesNotContain("??");
    }

    @Test
    void anotherPersonsOrAMadeUpKeyIsNotFoundAndMarksNothing() throws Exception {
        for (String key : new String[] {JE_OVERDUE, "new-data:claims:1", "x".repeat(500), "<script>"}) {
            mvc.perform(post("/notices/read").param("key", key).with(as(TARO)).with(csrf())).andExpect(status().isNotFound());
            assertThat(readRows(TARO, key)).isZero();
        }
        mvc.perform(post("/notices/read").with(as(TARO)).with(csrf())).andExpect(status().isNotFound());
        assertThat(owner.sql("""
                select count(*) from portal.access_log where person_id = :p and action = 'read_notice' and result = 'not_found'
                """).param("p", TARO).query(Long.class).single()).isPositive();
        // Without the form's token nothing is marked either.
        mvc.perform(post("/notices/read").param("key", JE_OVERDUE).with(as(SAKURA))).andExpect(status().isForbidden());
        assertThat(readRows(SAKURA, JE_OVERDUE)).isZero();
    }

    @Test
    void someoneWithNothingToBeToldIsToldWhatWouldAppear() throws Exception {
        UUID nobody = person(3);
        String page = body(get("/notices"), nobody);
        assertThat(page).contains("いまお知らせはありません。", "カードの電子証明書の有効期限が近いとき").doesNotContain("【未読】");
        assertThat(headerLink(page)).isEqualTo("お知らせ");
    }

    @Test
    void aCertificateExpiringWithinThreeMonthsThenInItsGraceIsANotice() throws Exception {
        UUID person = person(0);
        JdbcClient importer = StoreLogins.importer(PortalRole.roles().common());
        BigDecimal serial = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        importer.sql("""
                insert into records.card_certificate (issuer, serial_number, person_id, not_before, not_after, status)
                values ('CN=Notices test', :serial, :p, timestamptz '2022-01-10 00:00+09', timestamptz '2027-01-10 23:59:59+09', 'active')
                """).param("serial", serial).param("p", person).update();
        try {
            String soon = body(get("/notices"), person);
            assertThat(soon).contains("マイナンバーカードの電子証明書の有効期限が近づいています", "令和9年1月10日",
                    "更新のしかたを見る", "id=\"renewal\"", "お住まいの市区町村の窓口");
            assertThat(headerLink(soon)).isEqualTo("お知らせ（未読 1件）");

            importer.sql("update records.card_certificate set not_after = timestamptz '2026-11-01 23:59:59+09' where serial_number = :serial")
                    .param("serial", serial).update();
            String grace = body(get("/notices"), person);
            assertThat(grace).contains("マイナンバーカードの電子証明書の有効期限が過ぎています", "令和8年11月1日",
                    "令和9年2月28日", "健康保険証として");
        } finally {
            importer.sql("delete from records.card_certificate where serial_number = :serial").param("serial", serial).update();
        }
        assertThat(body(get("/notices"), person)).doesNotContain("有効期限が近づいています", "有効期限が過ぎています");
    }

    @Test
    void cancellingTheRegistrationLeavesANoticeOfTheCertificateRequest() throws Exception {
        UUID person = person(1);
        mvc.perform(post("/insurance/registration").param("consent", "yes").with(as(person)).with(csrf()));
        mvc.perform(post("/insurance/registration/cancel").with(as(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration/cancelled"));
        String page = body(get("/notices"), person);
        assertThat(page).contains("資格確認書の交付を申請しました", "申請の内容を見る");
    }

    @Test
    void dataImportedAfterThePreviousVisitIsNew() throws Exception {
        UUID person = person(2);
        Instant firstImport = owner.sql("select min(imported_at) from records.import_file").query(Timestamp.class).single().toInstant();
        Instant earlier = (firstImport.isBefore(NOW) ? firstImport : NOW).minusSeconds(86_400);
        EarlierVisits.visited(portal, new PersonId(person), earlier);
        String page = body(get("/notices"), person);
        assertThat(page).contains("お薬と医療費の新しい情報が届きました", "お薬のページへ", "前回のご利用は");
    }

    @Test
    void everyViewAndEveryReadIsLogged() throws Exception {
        long views = logged(SAKURA, "view_notices");
        long reads = logged(SAKURA, "read_notice");
        body(get("/notices"), SAKURA);
        mvc.perform(post("/notices/read").param("key", JE_OVERDUE).with(as(SAKURA)).with(csrf()));
        assertThat(logged(SAKURA, "view_notices")).isEqualTo(views + 1);
        assertThat(logged(SAKURA, "read_notice")).isEqualTo(reads + 1);
        assertThat(body(get("/history"), SAKURA)).contains("お知らせを見ました", "お知らせを既読にしました");
    }

    @Test
    void theMenuAndTheDashboardLeadToTheInbox() throws Exception {
        String dashboard = body(get("/dashboard"), SAKURA);
        assertThat(dashboard).contains("href=\"/notices\"", "未読のお知らせが", "お知らせを見る");
        mvc.perform(get("/notices")).andExpect(status().is3xxRedirection());
    }

    /** On a municipal kiosk: the link sits in the kiosk's bar, the notice opens inside the portal, the log names the terminal. */
    @Test
    void atAKioskTheInboxWorksTheSameAndIsLoggedAsTheKiosks() throws Exception {
        var kiosk = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin()
                .clientRegistration(portal.getBean(org.springframework.security.oauth2.client.registration.ClientRegistrationRepository.class)
                        .findByRegistrationId("myna"))
                .idToken(token -> token.subject(SAKURA.toString()).claim("acr", "urn:myna-health:acr:card")
                        .claim("channel", "kiosk").claim("terminal_id", "demo-kiosk-01"));
        long before = owner.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = 'view_notices' and channel = 'kiosk' and terminal_id = 'demo-kiosk-01'
                """).param("p", SAKURA).query(Long.class).single();
        String page = mvc.perform(get("/notices").with(kiosk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"kiosk\"", "account__notices account__notices--kiosk", "日本脳炎 1期追加")
                .doesNotContain("href=\"http");
        assertThat(owner.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = 'view_notices' and channel = 'kiosk' and terminal_id = 'demo-kiosk-01'
                """).param("p", SAKURA).query(Long.class).single()).isEqualTo(before + 1);
        mvc.perform(post("/notices/read").param("key", JE_OVERDUE).param("then", "open").with(kiosk).with(csrf()))
                .andExpect(redirectedUrl("/vaccinations"));
    }

    private static long logged(UUID person, String action) {
        return owner.sql("select count(*) from portal.access_log where person_id = :p and action = :a")
                .param("p", person).param("a", action).query(Long.class).single();
    }

    /** The header link's name as a screen reader gets it: its words, without the badge a phone shows. */
    private static String headerLink(String page) {
        var matcher = java.util.regex.Pattern.compile("class=\"account__notices\"[^>]*>(.*?)</a>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as("the header's link to the notices").isTrue();
        return matcher.group(1).replaceAll("<span[^>]*aria-hidden=\"true\"[^>]*>[^<]*</span>", "").replaceAll("<[^>]+>", "")
                .trim();
    }
}
