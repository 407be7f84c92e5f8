package jp.mynahealth.records;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.portal.access.EarlierVisits;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StatementRecordingDriver;
import jp.mynahealth.support.StatementRecordingDriver.Executed;
import jp.mynahealth.support.StoreLogins;

/**
 * A store sharded by person_id (src/docs/scale-out.md) serves a page from one shard only while every
 * query of the page reads one person's rows. This drives every record page and download of the
 * portal for two demo people (the vaccinations of a third, and a registration and its cancellation
 * for a fourth), records each statement the portal executes with its parameter values, and
 * EXPLAINs it again with them: every
 * scan of a table with a person_id column must be restricted to the person who asked.
 */
class RecordQueriesStayWithOnePersonTest {

    /**
     * The distinct statements reading person-keyed tables when this was written: fewer means a page or
     * the recording lost some, not that all is well (a page that merges two queries lowers it on purpose).
     */
    private static final int AT_LEAST_STATEMENTS = 20;

    private static RunningRoles roles;
    private static MockMvc mvc;
    private static JdbcClient jdbc;
    private static OnePersonPlanCheck check;

    @BeforeAll
    static void start() throws SQLException {
        roles = Application.start("--roles=portal", "--myna.portal.port=" + FreePort.next(),
                "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00",
                "--spring.datasource.driver-class-name=" + StatementRecordingDriver.class.getName());
        mvc = PortalRole.mvc(roles);
        jdbc = roles.common().getBean(JdbcClient.class);
        check = new OnePersonPlanCheck(StoreLogins.owner(roles.common()));
        if (!Files.exists(roles.common().getBean(DataFolder.class).resolve("ca/data-provider.p12"))) {
            // The e-Tax file is signed with the data provider's key, which the demo issuer makes on its first start.
            // On the tests' fixed day, as every role here: keys made on the real day would not yet be valid on it.
            Application.start("--roles=ca", "--myna.ca.port=" + FreePort.next(),
                    "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00").close();
        }
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    @Test
    void everyQueryOfEveryRecordPageReadsTheAskingPersonsRowsOnly() throws Exception {
        Map<UUID, List<MockHttpServletRequestBuilder>> visits = new LinkedHashMap<>();
        visits.put(TARO, recordPages(TARO));
        visits.put(ICHIRO, recordPages(ICHIRO));
        // さくら has no checkups for recordPages to pick, but the schedule of a child with an overdue dose, and notices:
        // as she was here before the test day, "new since your last visit" reads when her data arrived.
        EarlierVisits.visited(roles.context(Role.PORTAL), new PersonId(SAKURA),
                OffsetDateTime.parse(ReadStoreTest.TODAY + "T10:00:00+09:00").minusDays(30).toInstant());
        visits.put(SAKURA, List.of(get("/vaccinations"), get("/dashboard"), get("/notices"),
                post("/notices/read").param("key", "vaccination:je:3:overdue").with(csrf()),
                post("/notices/read-all").with(csrf())));
        visits.put(unregisteredPerson(), registrationAndCancellation());
        // The API, as an app with a consent to everything reads it (the token's check itself is ApiReadsTest's).
        List<MockHttpServletRequestBuilder> api = apiCalls();
        List<MockHttpServletRequestBuilder> taro = new ArrayList<>(visits.get(TARO));
        taro.addAll(api);
        visits.put(TARO, taro);
        List<String> violations = new ArrayList<>();
        Set<String> checkedStatements = new TreeSet<>();
        Set<String> tablesRead = new TreeSet<>();
        for (Map.Entry<UUID, List<MockHttpServletRequestBuilder>> visit : visits.entrySet()) {
            UUID person = visit.getKey();
            for (MockHttpServletRequestBuilder request : visit.getValue()) {
                List<Executed> executed = StatementRecordingDriver.record(() -> {
                    int status = mvc.perform(request.with(api.contains(request) ? app(person) : as(person))).andReturn()
                            .getResponse().getStatus();
                    assertThat(status).as("the page answered without a server error").isLessThan(500);
                    if (api.contains(request)) {
                        assertThat(status).as("the API answered the app").isEqualTo(200);
                    }
                });
                for (Executed statement : executed) {
                    if (!OnePersonPlanCheck.isDml(statement.sql())) {
                        continue;
                    }
                    OnePersonPlanCheck.Checked checked = check.check(statement, person);
                    if (!checked.personTables().isEmpty()) {
                        checkedStatements.add(statement.sql());
                        tablesRead.addAll(checked.personTables());
                    }
                    for (String violation : checked.violations()) {
                        if (otherPartyOfAGrant(statement.sql(), violation)) {
                            continue;
                        }
                        violations.add("%s%nparameters %s%n%s".formatted(statement.sql(), statement.values(), violation));
                    }
                }
            }
        }
        assertThat(violations).as("statements that read beyond the asking person's rows").isEmpty();
        assertThat(checkedStatements).as("distinct statements reading person-keyed tables").hasSizeGreaterThanOrEqualTo(
                AT_LEAST_STATEMENTS);
        assertThat(tablesRead).contains("records.person", "records.qualification", "records.dispensing", "records.e_prescription", "records.checkup",
                "records.checkup_result", "records.cost_notice", "records.data_provision", "records.vaccination", "records.care_act",
                "portal.card_use_registration",
                "portal.eligibility_certificate_request", "portal.notice_read", "records.claim_receipt",
                "records.card_certificate");
        assertThat(tablesRead).as("a monthly partition of the access log").anyMatch(t -> t.startsWith("portal.access_log_"));
    }

    /**
     * A proxy grant links two people by design: the principal is told who their proxy is, and their
     * history names the proxy who acted (the access log's actor_id). Reading the other party's name is
     * a lookup of one person by the id the grant or log row holds (a router query to that person's
     * shard, src/docs/scale-out.md), never a scan; nothing else of theirs is read. Likewise a proxy's
     * list of the apps they connected for the people they act for (the consents they gave, by
     * actor_id, on every shard through its index, as the proxies' own list): those consents, their
     * endings and last reads, and the principal's name.
     */
    private static boolean otherPartyOfAGrant(String sql, String violation) {
        boolean aName = (sql.contains("portal.proxy_grant") || sql.contains("actor_id"))
                && violation.contains(" of records.person (as ");
        boolean appsConnectedAsProxy = sql.contains("from idp.app_consent c") && sql.contains("where c.actor_id = ?")
                && (violation.contains(" of idp.app_consent (as c)") || violation.contains(" of portal.app_disconnection (as d)")
                        || violation.contains(" of portal.app_read (as r)"));
        return aName || appsConnectedAsProxy;
    }

    /** So that a broken check cannot pass everything: what a sharded store would answer from every shard is caught. */
    @Test
    void theCheckCatchesAJoinAcrossPeopleAnotherPersonsRowsAndAnOrAroundThePerson() throws Exception {
        Executed ownLines = recorded("select dispensing_id from records.dispensing where person_id = :person", TARO, null);
        assertThat(check.check(ownLines, TARO).violations()).isEmpty();
        assertThat(check.check(ownLines, HANAKO).violations()).singleElement().asString()
                .contains("records.dispensing", "not restricted to person_id = '" + HANAKO + "'");

        Executed sameDrugAnyone = recorded("""
                select a.dispensing_id, b.person_id from records.dispensing a
                join records.dispensing b on b.drug_code = a.drug_code
                where a.person_id = :person
                """, TARO, null);
        OnePersonPlanCheck.Checked joined = check.check(sameDrugAnyone, TARO);
        assertThat(joined.violations()).singleElement().asString().contains("records.dispensing (as b)");

        Executed orAnyone = recorded("select dispensing_id from records.dispensing where person_id = :person or drug_code = :drug",
                TARO, "620004347");
        assertThat(check.check(orAnyone, TARO).violations()).singleElement().asString().contains("records.dispensing");
    }

    @Test
    void conditionsAreSplitIntoTheirTopLevelTermsOnly() {
        assertThat(OnePersonPlanCheck.conjuncts(
                "((d.person_id = 'a'::uuid) AND ((d.x = 1) OR (d.y = 'b AND c'::text)) AND (d.z >= 2))"))
                .containsExactly("d.person_id = 'a'::uuid", "(d.x = 1) OR (d.y = 'b AND c'::text)", "d.z >= 2");
        assertThat(OnePersonPlanCheck.conjuncts("((d.person_id = 'a'::uuid) OR (d.z = 2))"))
                .containsExactly("(d.person_id = 'a'::uuid) OR (d.z = 2)");
    }

    private static Executed recorded(String sql, UUID person, String drug) throws Exception {
        List<Executed> executed = StatementRecordingDriver.record(() -> {
            var statement = jdbc.sql(sql).param("person", person);
            (drug == null ? statement : statement.param("drug", drug)).query().listOfRows();
        });
        assertThat(executed).hasSize(1);
        return executed.get(0);
    }

    /** Every record page and download, with the filters, fragments and cursors that change their queries. */
    private static List<MockHttpServletRequestBuilder> recordPages(UUID person) {
        String dispenser = jdbc.sql("select dispenser_code from records.dispensing where person_id = :p order by dispensed_on desc limit 1")
                .param("p", person).query(String.class).single();
        Map<String, Object> cursor = jdbc.sql("""
                select dispensed_on, dispensing_id from records.dispensing where person_id = :p
                order by dispensed_on desc, dispensing_id desc offset 39 limit 1
                """).param("p", person).query().singleRow();
        UUID ownCheckup = jdbc.sql("select checkup_id from records.checkup where person_id = :p order by checked_on desc limit 1")
                .param("p", person).query(UUID.class).single();
        UUID othersCheckup = jdbc.sql("select checkup_id from records.checkup where person_id = :p limit 1")
                .param("p", HANAKO).query(UUID.class).single();
        String item = jdbc.sql("""
                select item_code from records.checkup_result where person_id = :p and value_numeric is not null
                order by item_code limit 1
                """).param("p", person).query(String.class).single();
        return List.of(
                get("/dashboard"),
                get("/insurance"),
                get("/insurance").param("show", "numbers").header("HX-Request", "true"),
                get("/insurance/registration"),
                get("/insurance/registration/cancel"),
                get("/insurance/registration/cancelled"),
                get("/drugs"),
                get("/drugs").param("q", "ろきそ").header("HX-Request", "true"),
                get("/drugs").param("from", "2025-01").param("to", "2025-12").param("institution", dispenser).param("q", "錠"),
                get("/drugs").param("after", ((java.sql.Date) cursor.get("dispensed_on")).toLocalDate().toString())
                        .param("afterSource", "claim").param("afterId", cursor.get("dispensing_id").toString())
                        .header("HX-Request", "true"),
                get("/drugs").param("after", LocalDate.parse(ReadStoreTest.TODAY).toString()).param("afterSource", "erx")
                        .param("afterId", String.valueOf(Long.MAX_VALUE)).header("HX-Request", "true"),
                get("/care"),
                get("/care").param("q", "さいしん").header("HX-Request", "true"),
                get("/care").param("from", "2025-01").param("to", "2025-12").param("institution", dispenser).param("q", "料"),
                get("/care").param("before", "2026-05").header("HX-Request", "true"),
                get("/checkups"),
                get("/checkups/" + ownCheckup),
                get("/checkups/" + othersCheckup),
                get("/checkups/trend/" + item),
                get("/costs"),
                get("/costs").param("year", "2025").header("HX-Request", "true"),
                get("/vaccinations"),
                get("/etax"),
                get("/etax").param("year", "2025"),
                post("/etax").param("year", "2025").param("income", "3,000,000").with(csrf()),
                get("/etax/2025/iryohi.xml"),
                get("/etax/2025/iryohi.xlsx"),
                get("/etax/2025/statement"),
                get("/download"),
                get("/download/fhir-bundle.json"),
                get("/download/patient-summary.json"),
                get("/history"),
                get("/history").param("month", LocalDate.parse(ReadStoreTest.TODAY).minusMonths(1).toString().substring(0, 7))
                        .header("HX-Request", "true"),
                get("/history").param("after", "2026-11-20T00:00:00Z").param("afterSource", "provision")
                        .param("afterId", "1000000").header("HX-Request", "true"),
                get("/apps"));
    }

    private static List<MockHttpServletRequestBuilder> apiCalls() {
        return List.of(get("/api/v1/tax-notices/2025"), get("/api/v1/fhir/Patient"), get("/api/v1/fhir/Coverage"),
                get("/api/v1/fhir/MedicationDispense").param("date", "ge2025-01-01").param("_count", "5"),
                get("/api/v1/fhir/Observation"), get("/api/v1/fhir/ExplanationOfBenefit").param("date", "2025"));
    }

    /** An app's call for the person: the authentication the API's chain makes of a token and its consent. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor app(UUID person) {
        PersonId id = new PersonId(person);
        org.springframework.security.oauth2.jwt.Jwt token = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("test")
                .header("alg", "RS256").subject(person.toString()).claim("cid", "1").build();
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                new jp.mynahealth.portal.api.ApiAuthentication(new jp.mynahealth.portal.api.ApiCaller(id, id, "one-person-test",
                        "one-person-test", java.util.EnumSet.allOf(jp.mynahealth.common.apps.AppScope.class), 1), token));
    }

    private static List<MockHttpServletRequestBuilder> registrationAndCancellation() {
        return List.of(
                post("/insurance/registration").param("consent", "yes").with(csrf()),
                get("/insurance/registration"),
                post("/insurance/registration/cancel").with(csrf()),
                get("/insurance/registration/cancelled"),
                get("/notices"));
    }

    /** A generated person no other test picks (they take theirs from either end of the person ids). */
    private static UUID unregisteredPerson() {
        return jdbc.sql("""
                select person_id from records.person
                where family_name <> '見本' and person_id not in (select person_id from portal.card_use_registration)
                order by md5(person_id::text)
                limit 1
                """).query(UUID.class).single();
    }
}
