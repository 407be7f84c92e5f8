package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.records.CardLinkRepository;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;

/** Every refusal of the card-login protocol, each with a token built here, against the real read store. */
@ReadStoreTest
class CardTokenValidatorTest {

    private static final String ORIGIN = "http://127.0.0.1:9000";
    private static final String CHALLENGE = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");

    private static TestPki pki;
    private static TestPki stranger;

    @TempDir
    static Path folder;

    /** Links reach the read store through the importer's login, as in the running system. */
    JdbcClient jdbc;

    @Autowired
    void importerLogin(ImporterDataSource importer) {
        jdbc = JdbcClient.create(importer.dataSource());
    }

    @Autowired
    CardLinkRepository links;

    private CardTokenValidator validator;

    @BeforeAll
    static void buildPki() throws Exception {
        pki = new TestPki("Validator Test");
        stranger = new TestPki("Stranger");
        pki.writeTrust(folder.resolve("anchors.pem"), folder.resolve("intermediates.pem"));
    }

    @AfterAll
    static void stopServers() {
        pki.close();
        stranger.close();
    }

    @BeforeEach
    void setUp() {
        pki.reset();
        validator = validator(folder.resolve("anchors.pem"));
    }

    private CardTokenValidator validator(Path anchors) {
        IdpProperties properties = new IdpProperties(ORIGIN, "http://localhost:8080", "secret", "http://127.0.0.1:18765",
                anchors, folder.resolve("intermediates.pem"), TestPki.POLICY, Duration.ofMinutes(5), 16384,
                Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofHours(24));
        return new CardTokenValidator(properties, links, Clock.fixed(TestPki.NOW, ZoneOffset.UTC));
    }

    private TestPki.Card linkedCard(TestPki.CardSpec spec, TestPki from) throws Exception {
        TestPki.Card card = from.card(spec);
        link(card, "active");
        return card;
    }

    private void link(TestPki.Card card, String status) {
        jdbc.sql("""
                insert into records.card_certificate (issuer, serial_number, person_id, not_before, not_after, status)
                values (:issuer, :serial, :person, :from, :to, :status)
                """)
                .param("issuer", card.certificate().getIssuerX500Principal().getName())
                .param("serial", new BigDecimal(card.certificate().getSerialNumber()))
                .param("person", TARO)
                .param("from", Timestamp.from(card.certificate().getNotBefore().toInstant()))
                .param("to", Timestamp.from(card.certificate().getNotAfter().toInstant()))
                .param("status", status)
                .update();
    }

    private static void refused(LoginFailure failure, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardLoginException.class,
                e -> assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure));
    }

    @Test
    void aGoodLinkedCardSignedForThisSiteLogsInItsPerson() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        PersonId person = validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE);
        assertThat(person.value()).isEqualTo(TARO);
    }

    @Test
    void aTokenSignedForAnotherOriginIsRefusedAsWrongSite() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        refused(LoginFailure.WRONG_SITE, () -> validator.validate(TestPki.token(card, "http://evil.example", CHALLENGE),
                CHALLENGE));
    }

    @Test
    void aSignatureOverAnotherChallengeIsRefused() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        refused(LoginFailure.WRONG_SITE, () -> validator.validate(TestPki.token(card, ORIGIN, "another-challenge"), CHALLENGE));
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        TestPki.Card impostor = new TestPki.Card(card.certificate(), TestPki.keys(2048).getPrivate());
        refused(LoginFailure.WRONG_SITE, () -> validator.validate(TestPki.token(impostor, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), stranger);
        refused(LoginFailure.INVALID_CARD, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpired() throws Exception {
        TestPki.Card card = linkedCard(new TestPki.CardSpec(true, true, true), pki);
        refused(LoginFailure.EXPIRED, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aCertificateWithoutDigitalSignatureKeyUsageIsRefused() throws Exception {
        TestPki.Card card = linkedCard(new TestPki.CardSpec(false, false, true), pki);
        refused(LoginFailure.INVALID_CARD, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aCertificateWithoutTheUserAuthenticationPolicyIsRefused() throws Exception {
        TestPki.Card card = linkedCard(new TestPki.CardSpec(false, true, false), pki);
        refused(LoginFailure.INVALID_CARD, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aCertificateRevokedAtOcspIsRefused() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        pki.revoked.add(card.certificate().getSerialNumber());
        pki.crlUp = false;
        refused(LoginFailure.REVOKED, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void whenOcspIsDownTheCrlStillRefusesARevokedCertificate() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        pki.revoked.add(card.certificate().getSerialNumber());
        pki.ocspUp = false;
        refused(LoginFailure.REVOKED, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void whenOcspIsDownAGoodCertificatePassesOnTheCrl() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        pki.ocspUp = false;
        assertThat(validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE).value()).isEqualTo(TARO);
    }

    @Test
    void whenOcspAndTheCrlAreBothDownTheLoginFailsClosedWith503() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        pki.ocspUp = false;
        pki.crlUp = false;
        refused(LoginFailure.UNAVAILABLE, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
        assertThat(LoginFailure.UNAVAILABLE.status().value()).isEqualTo(503);
    }

    @Test
    void anOcspAnswerSignedByAStrangerIsNotBelieved() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        pki.ocspSignerOverride = TestPki.keys(2048);
        pki.crlUp = false;
        refused(LoginFailure.UNAVAILABLE, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aMalformedTokenIsRefused() {
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate("{not json", CHALLENGE));
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate("[]", CHALLENGE));
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate(
                "{\"format\":\"myna-auth:1\",\"algorithm\":\"RS256\",\"certificate\":\"!!\",\"signature\":\"AA==\"}", CHALLENGE));
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate(
                "{\"format\":\"other\",\"algorithm\":\"RS256\",\"certificate\":\"AA==\",\"signature\":\"AA==\"}", CHALLENGE));
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate(null, CHALLENGE));
    }

    @Test
    void anOversizedTokenIsRefusedBeforeParsing() {
        String huge = "{\"format\":\"myna-auth:1\",\"pad\":\"" + "A".repeat(20_000) + "\"}";
        refused(LoginFailure.TRY_AGAIN, () -> validator.validate(huge, CHALLENGE));
    }

    @Test
    void aValidButUnlinkedCardIsRefusedAsNotLinked() throws Exception {
        TestPki.Card card = pki.card(TestPki.CardSpec.good());
        refused(LoginFailure.NOT_LINKED, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void aCardWhoseLinkWasEndedIsRefused() throws Exception {
        TestPki.Card card = pki.card(TestPki.CardSpec.good());
        link(card, "revoked");
        refused(LoginFailure.REVOKED, () -> validator.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
    }

    @Test
    void missingTrustAnchorsMakeLoginsUnavailableNotOpen() throws Exception {
        TestPki.Card card = linkedCard(TestPki.CardSpec.good(), pki);
        CardTokenValidator misconfigured = validator(folder.resolve("missing.pem"));
        refused(LoginFailure.UNAVAILABLE, () -> misconfigured.validate(TestPki.token(card, ORIGIN, CHALLENGE), CHALLENGE));
        assertThat(Files.exists(folder.resolve("missing.pem"))).isFalse();
    }
}
