package jp.mynahealth.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.support.FreePort;

/** The demo issuer as the idp meets it: certificate profiles, OCSP and the CRL over HTTP, the commands. */
class DemoIssuerTest {

    private static final String POLICY = "2.25.171092932300057496190158256927025119980";
    private static RunningRoles roles;
    private static String ca;
    private static Path data;
    private static JdbcClient jdbc;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        roles = Application.start("--roles=ca", "--myna.ca.port=" + FreePort.next(), "--myna.clock.fixed=2026-11-24T10:00:00+09:00");
        ca = "http://127.0.0.1:" + roles.port(Role.CA);
        data = roles.context(Role.CA).getBean(DataFolder.class).root();
        jdbc = roles.context(Role.CA).getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    private static X509Certificate pem(String name) throws Exception {
        try (InputStream in = Files.newInputStream(data.resolve("ca").resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509Certificate card(String id) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("cards").resolve(id + ".p12"))) {
            store.load(in, "1234".toCharArray());
        }
        assertThat(store.getKey("auth", "1234".toCharArray()).getAlgorithm()).isEqualTo("RSA");
        return (X509Certificate) store.getCertificate("auth");
    }

    @Test
    void aDemoCardIsAUserAuthenticationCertificateThatChainsToTheRoot() throws Exception {
        X509Certificate taro = card("taro");
        X509Certificate issuing = pem("user-auth-ca.pem");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pem("root-ca.pem"), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(new Date(taro.getNotBefore().getTime() + 3_600_000));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(taro, issuing)), parameters);

        assertThat(taro.getSubjectX500Principal().getName()).matches("CN=[0-9a-f]+,C=JP");
        assertThat(taro.getIssuerX500Principal().getName()).contains("OU=JPKI for user authentication");
        assertThat(((java.security.interfaces.RSAPublicKey) taro.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(taro.getKeyUsage()[0]).isTrue();
        assertThat(taro.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(new String(taro.getExtensionValue(Extension.certificatePolicies.getId()), "ISO-8859-1")).isNotEmpty();
        assertThat(org.bouncycastle.asn1.x509.CertificatePolicies.getInstance(DEROctetString.getInstance(
                taro.getExtensionValue(Extension.certificatePolicies.getId())).getOctets()).getPolicyInformation()[0]
                .getPolicyIdentifier().getId()).isEqualTo(POLICY);
        String aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(DEROctetString.getInstance(
                taro.getExtensionValue(Extension.authorityInfoAccess.getId())).getOctets()).getAccessDescriptions()[0]
                .getAccessLocation().getName().toString();
        assertThat(aia).matches("http://127\\.0\\.0\\.1:\\d+/ocsp");
        assertThat(taro.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
    }

    @Test
    void everyDemoCardButUnlinkedIsLinkedInTheReadStore() throws Exception {
        for (String id : List.of("taro", "hanako", "ichiro", "sakura", "revoked", "expired")) {
            assertThat(linkStatus(card(id))).as(id).isNotNull();
        }
        assertThat(linkStatus(card("unlinked"))).isNull();
        assertThat(linkStatus(card("revoked"))).isEqualTo("revoked");
        assertThat(card("expired").getNotAfter()).isBefore(new Date());
    }

    private static String linkStatus(X509Certificate certificate) {
        return jdbc.sql("select status from records.card_certificate where issuer = :i and serial_number = :s")
                .param("i", certificate.getIssuerX500Principal().getName())
                .param("s", new BigDecimal(certificate.getSerialNumber())).query(String.class).optional().orElse(null);
    }

    private static SingleResp ocsp(BigInteger serial) throws Exception {
        X509Certificate issuing = pem("user-auth-ca.pem");
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuing), serial);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                .build().getEncoded();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(ca + "/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
        assertThat(DEROctetString.getInstance(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue())
                .getOctets()).isEqualTo(nonce);
        X509CertificateHolder responderHolder = basic.getCerts()[0];
        X509Certificate responder = new JcaX509CertificateConverter().getCertificate(responderHolder);
        responder.verify(issuing.getPublicKey());
        assertThat(responder.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.9");
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))).isTrue();
        return basic.getResponses()[0];
    }

    @Test
    void ocspSaysGoodRevokedOrUnknownAndEchoesTheNonce() throws Exception {
        assertThat(ocsp(card("taro").getSerialNumber()).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(ocsp(card("revoked").getSerialNumber()).getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(ocsp(new BigInteger(120, new SecureRandom())).getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aMalformedOcspRequestGetsAMalformedRequestAnswer() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(ca + "/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofString("garbage")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void theCrlIsSignedByTheIssuingCaAndListsTheRevokedCard() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(ca + "/crl/user-auth.crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        crl.verify(pem("user-auth-ca.pem").getPublicKey());
        assertThat(crl.isRevoked(card("revoked"))).isTrue();
        assertThat(crl.isRevoked(card("taro"))).isFalse();
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
    }

    @Test
    void theCommandsIssueAndRevokeCardsAndRefuseBadRequests() throws Exception {
        String taro = "70304382-bb87-4298-9e13-ffc86a5ff41c";
        String id = "extra-" + System.nanoTime() % 100000;
        String folder = "--myna.data-dir=" + data;
        assertThat(CardCommand.run(folder, "--card-issue=" + id, "--person=" + taro)).isZero();
        X509Certificate extra = card(id);
        assertThat(linkStatus(extra)).isEqualTo("active");
        assertThat(ocsp(extra.getSerialNumber()).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(CardCommand.run(folder, "--card-issue=" + id, "--person=" + taro)).isEqualTo(2);
        assertThat(CardCommand.run(folder, "--card-issue=other", "--person=00000000-0000-4000-8000-000000000000")).isEqualTo(2);
        assertThat(Files.exists(data.resolve("cards/other.p12"))).isFalse();

        assertThat(CardCommand.run(folder, "--card-revoke=" + id)).isZero();
        assertThat(ocsp(extra.getSerialNumber()).getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(linkStatus(extra)).isEqualTo("revoked");
        assertThat(CardCommand.run(folder, "--card-revoke=no-such-card")).isEqualTo(2);

        Path batch = data.resolve("batch-" + id + ".csv");
        Files.writeString(batch, id + "-a," + taro + "\n" + id + "-b," + taro + "\n");
        assertThat(CardCommand.run(folder, "--card-issue-batch=" + batch)).isZero();
        assertThat(linkStatus(card(id + "-a"))).isEqualTo("active");
        assertThat(linkStatus(card(id + "-b"))).isEqualTo("active");
        Files.writeString(batch, id + "-c," + taro + "\n" + id + "-d,not-a-person\n");
        assertThat(CardCommand.run(folder, "--card-issue-batch=" + batch)).isEqualTo(2);
        assertThat(Files.exists(data.resolve("cards/" + id + "-c.p12"))).as("a bad line issues nothing").isFalse();
    }
}
