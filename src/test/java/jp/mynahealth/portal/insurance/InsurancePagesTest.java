package jp.mynahealth.portal.insurance;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.Role;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.PortalRole;

/** The insurance pages through the portal's real security chain, logged in as demo people. */
class InsurancePagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
    }

    private static String page(String url, UUID person) throws Exception {
        return mvc.perform(get(url).with(as(person))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
    }

    private static long accessRows(UUID person, String action) {
        return jdbc.sql("select count(*) from portal.access_log where person_id = :p and action = :a")
                .param("p", person).param("a", action).query(Long.class).single();
    }

    @Test
    void theQualificationPageShowsTheCurrentInsuranceWithTheNumberMasked() throws Exception {
        long before = accessRows(TARO, "view_qualification");
        String html = page("/insurance", TARO);
        assertThat(html).contains("見本電機健康保険組合", "本人（被保険者）", "3割", "全国健康保険協会 東京支部");
        assertThat(html).doesNotContain("4567", "1203").contains("●●67");
        assertThat(accessRows(TARO, "view_qualification")).isEqualTo(before + 1);
    }

    @Test
    void showRevealsTheNumbersAndIsLogged() throws Exception {
        long before = accessRows(TARO, "reveal_insurance_number");
        assertThat(page("/insurance?show=numbers", TARO)).contains("1203", "4567", "<html");
        assertThat(accessRows(TARO, "reveal_insurance_number")).isEqualTo(before + 1);
    }

    @Test
    void htmxGetsOnlyTheNumbersFragment() throws Exception {
        String fragment = mvc.perform(get("/insurance?show=numbers").header("HX-Request", "true").with(as(TARO)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"insurance-numbers\"", "4567").doesNotContain("<html", "<header");
    }

    @Test
    void eachPersonSeesOnlyTheirOwnQualification() throws Exception {
        assertThat(page("/insurance", HANAKO)).contains("家族（被扶養者）").doesNotContain("本人（被保険者）");
        assertThat(page("/insurance?person=" + TARO, ICHIRO)).contains("後期高齢者医療広域連合", "1割")
                .doesNotContain("見本電機健康保険組合");
    }

    @Test
    void registeringWithoutConsentShowsTheErrorSummaryLinkingToTheBoxAndRecordsNothing() throws Exception {
        String html = mvc.perform(post("/insurance/registration").with(as(HANAKO)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("class=\"error-summary\"", "href=\"#consent\"", "aria-invalid=\"true\"");
        assertThat(html.indexOf("error-summary")).isLessThan(html.indexOf("<h1"));
        assertThat(jdbc.sql("select count(*) from portal.card_use_registration where person_id = :p and cancelled_at is null")
                .param("p", HANAKO).query(Long.class).single()).isZero();
    }

    @Test
    void registeringWithConsentRecordsItAndShowsTheDate() throws Exception {
        UUID person = PortalRole.SAKURA;
        mvc.perform(post("/insurance/registration").param("consent", "yes").with(as(person)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/insurance/registration"));
        assertThat(page("/insurance/registration", person)).contains("令和8年11月24日（2026年）に登録しました。");
        assertThat(page("/dashboard", person)).contains("令和8年11月24日（2026年）に登録しました。");
        mvc.perform(post("/insurance/registration/cancel").with(as(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration/cancelled"));
        assertThat(page("/insurance/registration/cancelled", person)).contains("資格確認書");
    }

    /** A demo person nobody else's tests register (each test takes its own from the end it names). */
    private static UUID unregisteredPerson(String end) {
        return jdbc.sql("""
                select person_id from records.person
                where family_name <> '見本'
                  and person_id not in (select person_id from portal.card_use_registration)
                order by person_id %s
                limit 1
                """.formatted(end)).query(UUID.class).single();
    }

    /**
     * As above, and insured on the portal's day: not every generated person is, and which person the
     * end offers depends on what the test classes run before registered (a clean-clone run once took one
     * with no qualification valid that day, and the request had no insurer).
     */
    private static UUID unregisteredInsuredPerson(String end) {
        LocalDate today = LocalDate.now(PortalRole.roles().context(Role.PORTAL).getBean(Clock.class));
        return jdbc.sql("""
                select p.person_id from records.person p
                where p.family_name <> '見本'
                  and p.person_id not in (select person_id from portal.card_use_registration)
                  and exists (select 1 from records.qualification q where q.person_id = p.person_id
                              and q.valid_from <= :today and (q.valid_to is null or q.valid_to >= :today))
                order by p.person_id %s
                limit 1
                """.formatted(end)).param("today", today).query(UUID.class).single();
    }

    @Test
    void theCancelledPageSaysTheCertificateWasRequestedWhenThereWasAnInsurerToAsk() throws Exception {
        UUID person = unregisteredInsuredPerson("desc offset 1");
        mvc.perform(post("/insurance/registration").param("consent", "yes").with(as(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration"));
        mvc.perform(post("/insurance/registration/cancel").with(as(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration/cancelled"));
        assertThat(jdbc.sql("select insurer_number from portal.eligibility_certificate_request where person_id = :p")
                .param("p", person).query(String.class).single()).isNotNull();
        assertThat(page("/insurance/registration/cancelled", person)).contains("ご加入の健康保険に資格確認書の交付を依頼しました。")
                .doesNotContain("依頼していません");
        assertThat(page("/insurance/registration/cancelled?lang=en", person))
                .contains("We have asked your insurer to issue an eligibility certificate").doesNotContain("We have not asked");
    }

    /**
     * Every demo person is insured on the test day, so the cancellation is recorded as the controller
     * records it for someone who is not: a request with no insurer.
     */
    @Test
    void theCancelledPageSaysNoCertificateWasRequestedWhenThereWasNoInsurerToAsk() throws Exception {
        UUID person = unregisteredPerson("asc");
        RegistrationRepository registrations = PortalRole.roles().context(Role.PORTAL).getBean(RegistrationRepository.class);
        Visit visit = new Visit(new PersonId(person), Channel.WEB, null);
        registrations.register(visit);
        registrations.cancel(visit, null);
        assertThat(page("/insurance/registration/cancelled", person)).contains("資格確認書の交付は依頼していません。")
                .doesNotContain("交付を依頼しました", "届いた資格確認書");
        assertThat(page("/insurance/registration/cancelled?lang=en", person))
                .contains("We have not asked for an eligibility certificate").doesNotContain("We have asked your insurer");
    }

    /** Only a cancellation has a page saying what it did: without one (or registered again since) there is nothing to report. */
    @Test
    void withoutACancellationTheCancelledPageLeadsToTheRegistration() throws Exception {
        mvc.perform(get("/insurance/registration/cancelled").with(as(unregisteredPerson("desc offset 2"))))
                .andExpect(redirectedUrl("/insurance/registration"));
    }

    @Test
    void cancellingANeverRegisteredPersonIsRefusedPolitely() throws Exception {
        UUID nobody = jdbc.sql("""
                select person_id from records.person where family_name <> '見本'
                  and person_id not in (select person_id from portal.card_use_registration)
                order by person_id desc limit 1
                """).query(UUID.class).single();
        String confirm = mvc.perform(get("/insurance/registration/cancel").with(as(nobody)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("解除できる利用登録がありません");
        mvc.perform(post("/insurance/registration/cancel").with(as(nobody)).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/insurance/registration").param("consent", "yes").with(as(HANAKO)))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutLoginThePagesLeadToTheCardLogin() throws Exception {
        mvc.perform(get("/insurance")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/oauth2/authorization/myna"));
    }
}
