package jp.mynahealth.portal.proxies;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Acting for others through the portal's real chain on the demo store: the demo's grants, what a
 * proxy reaches by every address, the access log naming both, ending at once, and invitations.
 */
class ProxiesPagesTest {

    private static final LocalDate TODAY = LocalDate.parse(ReadStoreTest.TODAY);
    private static MockMvc mvc;
    private static JdbcClient jdbc;
    private static ProxyGrantRepository grants;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
        grants = PortalRole.roles().context(Role.PORTAL).getBean(ProxyGrantRepository.class);
    }

    private static MvcResult perform(MockHttpServletRequestBuilder request, UUID person, MockHttpSession session)
            throws Exception {
        return mvc.perform(request.session(session).with(as(person))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static long grantOf(UUID proxy, UUID principal) {
        return grants.principalsOf(new PersonId(proxy)).stream().filter(g -> g.principal().value().equals(principal))
                .findFirst().orElseThrow().grantId();
    }

    private static MockHttpSession actingFor(UUID proxy, long grantId) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult started = perform(post("/proxies/act").param("grant", String.valueOf(grantId)).with(csrf()), proxy, session);
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/dashboard");
        return session;
    }

    @Test
    void theDemoFamilyHasItsProxies() {
        assertThat(grants.principalsOf(new PersonId(TARO))).extracting(ProxyGrant::principalName, ProxyGrant::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("見本 さくら", "legal"),
                        org.assertj.core.groups.Tuple.tuple("見本 一郎", "chosen"));
        ProxyGrant ichiro = grants.live(grantOf(TARO, ICHIRO), new PersonId(TARO)).orElseThrow();
        assertThat(ichiro.scopes()).containsExactlyInAnyOrder(ProxyScope.DRUGS, ProxyScope.COSTS);
        assertThat(grants.principalsOf(new PersonId(HANAKO))).extracting(ProxyGrant::principalName).contains("見本 さくら");
        ProxyGrant sakura = grants.live(grantOf(HANAKO, SAKURA), new PersonId(HANAKO)).orElseThrow();
        LocalDate born = jdbc.sql("select birth_date from records.person where person_id = :p").param("p", SAKURA)
                .query(LocalDate.class).single();
        assertThat(sakura.validUntil()).isEqualTo(born.minusDays(1).plusYears(18));
    }

    @Test
    void taroActingForIchiroSeesTheBandAndOnlyTheGrantedPages() throws Exception {
        MockHttpSession session = actingFor(TARO, grantOf(TARO, ICHIRO));

        String dashboard = body(perform(get("/dashboard"), TARO, session));
        assertThat(dashboard).contains("見本 一郎 さんの代理で表示中", "自分の情報に戻る", "見本 一郎 さんの情報", "最近のお薬",
                "ログイン中：見本 太郎 さん").doesNotContain("最近の健診", "予防接種の記録を見る", "やりとり履歴</a>");
        // Every address a citizen can reach, and what the proxy gets for each.
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("/drugs", 200);
        expected.put("/costs", 200);
        expected.put("/checkups", 404);
        expected.put("/checkups/trend/3F015000002327101", 404);
        expected.put("/insurance", 404);
        expected.put("/insurance/registration", 404);
        expected.put("/vaccinations", 404);
        expected.put("/care", 404);
        expected.put("/etax", 404);
        expected.put("/etax/2025/iryohi.xml", 404);
        expected.put("/etax/2025/statement", 404);
        expected.put("/history", 404);
        expected.put("/notices", 404);
        expected.put("/somewhere-new", 404);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertThat(perform(get(e.getKey()), TARO, session).getResponse().getStatus()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(perform(post("/insurance/registration").param("consent", "yes").with(csrf()), TARO, session)
                .getResponse().getStatus()).isEqualTo(404);
        String drugs = body(perform(get("/drugs"), TARO, session));
        assertThat(drugs).contains("見本 一郎 さんの代理で表示中", "見本 一郎 様（代理人：見本 太郎）");
    }

    @Test
    void aProxysViewsAreInThePrincipalsHistoryWithTheProxysName() throws Exception {
        MockHttpSession session = actingFor(TARO, grantOf(TARO, ICHIRO));
        perform(get("/drugs"), TARO, session);

        assertThat(jdbc.sql("""
                select action from portal.access_log where person_id = :p and actor_id = :a order by log_id desc limit 2
                """).param("p", ICHIRO).param("a", TARO).query(String.class).list()).containsExactly("view_drugs", "start_acting");
        assertThat(jdbc.sql("select count(*) from portal.access_log where person_id = :p and actor_id is not null")
                .param("p", TARO).query(Long.class).single()).as("nothing of it in 太郎's own log").isZero();
        String history = body(perform(get("/history"), ICHIRO, new MockHttpSession()));
        assertThat(history).contains("代理人 見本 太郎 さんが", "お薬の情報を見ました");
    }

    @Test
    void aLegalRepresentativeMaySeeEverythingAndRegisterTheChildsCard() throws Exception {
        MockHttpSession session = actingFor(HANAKO, grantOf(HANAKO, SAKURA));

        for (String path : new String[] { "/insurance", "/insurance/registration", "/drugs", "/care", "/checkups",
                "/vaccinations", "/costs", "/etax", "/notices" }) {
            assertThat(perform(get(path), HANAKO, session).getResponse().getStatus()).as(path).isEqualTo(200);
        }
        assertThat(perform(get("/history"), HANAKO, session).getResponse().getStatus()).isEqualTo(404);
        assertThat(body(perform(get("/vaccinations"), HANAKO, session))).contains("見本 さくら さんの代理で表示中",
                "標準的な時期を過ぎた予防接種があります");
        assertThat(body(perform(get("/notices"), HANAKO, session))).contains("見本 さくら さんの代理で表示中",
                "日本脳炎 1期追加：標準的な時期を過ぎています");
    }

    @Test
    void anEndedGrantStopsAtTheProxysNextRequest() throws Exception {
        long grant = grants.create(new PersonId(ICHIRO), new PersonId(HANAKO), ProxyGrant.CHOSEN,
                EnumSet.of(ProxyScope.DRUGS), TODAY, TODAY.plusYears(1), null);
        MockHttpSession session = actingFor(HANAKO, grant);
        assertThat(perform(get("/drugs"), HANAKO, session).getResponse().getStatus()).isEqualTo(200);

        MvcResult ended = perform(post("/proxies/" + grant + "/end").with(csrf()), ICHIRO, new MockHttpSession());
        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/proxies");

        MvcResult next = perform(get("/drugs"), HANAKO, session);
        assertThat(next.getResponse().getStatus()).isEqualTo(302);
        assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/dashboard");
        String own = body(perform(get("/dashboard"), HANAKO, session));
        assertThat(own).contains("ようこそ、見本 花子 さん").doesNotContain("代理で表示中");
        assertThat(grants.live(grant, new PersonId(HANAKO))).isEmpty();
    }

    @Test
    void aGrantHoldsThroughItsLastDayAndNotAfter() {
        long lastDayToday = grants.create(new PersonId(SAKURA), new PersonId(ICHIRO), ProxyGrant.LEGAL,
                EnumSet.of(ProxyScope.DRUGS), TODAY.minusYears(1), TODAY, null);
        assertThat(grants.live(lastDayToday, new PersonId(ICHIRO))).isPresent();
        long endedYesterday = grants.create(new PersonId(SAKURA), new PersonId(ICHIRO), ProxyGrant.LEGAL,
                EnumSet.of(ProxyScope.DRUGS), TODAY.minusYears(1), TODAY.minusDays(1), null);
        assertThat(grants.live(endedYesterday, new PersonId(ICHIRO))).isEmpty();
        assertThat(grants.principalsOf(new PersonId(ICHIRO))).extracting(ProxyGrant::grantId).doesNotContain(endedYesterday);
    }

    @Test
    void aLegalLinkEndsAtOnceWhenTheChildMayEndIt() {
        long legal = grants.create(new PersonId(SAKURA), new PersonId(ICHIRO), ProxyGrant.LEGAL,
                EnumSet.of(ProxyScope.DRUGS), TODAY.minusYears(1), TODAY.plusYears(1), null);
        assertThat(grants.endByPrincipal(legal, new PersonId(SAKURA), false)).as("under 15").isFalse();
        assertThat(grants.endByPrincipal(legal, new PersonId(SAKURA), true)).as("from 15").isTrue();
        assertThat(grants.live(legal, new PersonId(ICHIRO))).isEmpty();
    }

    @Test
    void anOperatorEndsEveryProxyOfAPersonAtOnce() throws Exception {
        UUID principal = HANAKO;
        long grant = grants.create(new PersonId(principal), new PersonId(ICHIRO), ProxyGrant.CHOSEN,
                EnumSet.of(ProxyScope.COSTS), TODAY, TODAY.plusYears(1), null);
        MockHttpSession session = actingFor(ICHIRO, grant);

        assertThat(grants.endAllFor(principal)).isGreaterThanOrEqualTo(1);

        assertThat(perform(get("/costs"), ICHIRO, session).getResponse().getRedirectedUrl()).isEqualTo("/dashboard");
    }

    @Test
    void aChildUnder15CannotEndTheParentsLinkNorChooseAProxy() throws Exception {
        long legal = grantOf(TARO, SAKURA);
        MockHttpSession session = new MockHttpSession();
        assertThat(body(perform(get("/proxies"), SAKURA, session))).contains("15歳になると、ご自身で終了できます",
                "代理人を頼めるのは18歳以上の方です").doesNotContain("見本 太郎 さんの代理を終了する");
        assertThat(perform(post("/proxies/" + legal + "/end").with(csrf()), SAKURA, session).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(perform(post("/proxies/invitations").param("scope", "drugs").param("years", "1").with(csrf()), SAKURA,
                session).getResponse().getStatus()).isEqualTo(403);
        assertThat(grants.live(legal, new PersonId(TARO))).isPresent();
    }

    @Test
    void anInvitationCodeIsShownOnceAndTakenOnceByAnotherPerson() throws Exception {
        MockHttpSession principal = new MockHttpSession();
        String page = body(perform(post("/proxies/invitations").param("scope", "drugs").param("scope", "checkups")
                .param("years", "2").with(csrf()), ICHIRO, principal));
        Matcher found = Pattern.compile("<strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</strong>").matcher(page);
        assertThat(found.find()).as("the code is on the page").isTrue();
        String code = found.group(1);

        // The principal cannot take their own invitation.
        assertThat(perform(post("/proxies/invitations/accept").param("code", code).with(csrf()), ICHIRO, principal)
                .getResponse().getStatus()).isEqualTo(400);

        MockHttpSession proxy = new MockHttpSession();
        String confirm = body(perform(post("/proxies/invitations/accept").param("code", code.toLowerCase().replace("-", " "))
                .with(csrf()), HANAKO, proxy));
        assertThat(confirm).contains("見本 一郎 さんが、あなたを代理人にしようとしています。", "お薬", "健診");
        MvcResult taken = perform(post("/proxies/invitations/confirm").with(csrf()), HANAKO, proxy);
        assertThat(taken.getResponse().getRedirectedUrl()).isEqualTo("/proxies");
        ProxyGrant grant = grants.principalsOf(new PersonId(HANAKO)).stream()
                .filter(g -> g.principal().value().equals(ICHIRO)).findFirst().orElseThrow();
        assertThat(grant.scopes()).containsExactlyInAnyOrder(ProxyScope.DRUGS, ProxyScope.CHECKUPS);
        assertThat(grant.validUntil()).isEqualTo(TODAY.plusYears(2).minusDays(1));

        // Single use: the same code again is refused, politely.
        MvcResult again = perform(post("/proxies/invitations/accept").param("code", code).with(csrf()), TARO,
                new MockHttpSession());
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(again)).contains("招待コードが正しくないか、使えなくなっています");
    }

    @Test
    void anExpiredInvitationIsRefused() throws Exception {
        String code = InvitationCode.generate();
        java.time.Instant now = java.time.OffsetDateTime.parse(ReadStoreTest.TODAY + "T10:00:00+09:00").toInstant();
        jdbc.sql("""
                insert into portal.proxy_invitation (principal_id, code_hash, scopes, grant_until, created_at, expires_at)
                values (:p, :hash, array['drugs'], :until, :created, :expires)
                """).param("p", ICHIRO).param("hash", InvitationCode.hash(InvitationCode.normalize(code).orElseThrow()))
                .param("until", TODAY.plusYears(1)).param("created", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(8))))
                .param("expires", java.sql.Timestamp.from(now.minusSeconds(1))).update();

        MvcResult refused = perform(post("/proxies/invitations/accept").param("code", code).with(csrf()), HANAKO,
                new MockHttpSession());

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("招待コードが正しくないか、使えなくなっています");
    }

    @Test
    void guessingCodesStopsAfterTenWrongOnesInASession() throws Exception {
        MockHttpSession session = new MockHttpSession();
        int last = 0;
        for (int i = 0; i < ProxiesController.MAX_FAILED_CODES + 1; i++) {
            last = perform(post("/proxies/invitations/accept").param("code", "0000-0000-000" + (i % 10)).with(csrf()), SAKURA,
                    session).getResponse().getStatus();
        }
        assertThat(last).isIn(429);
    }
}
