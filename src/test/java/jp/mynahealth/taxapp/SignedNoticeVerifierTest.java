package jp.mynahealth.taxapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignedNoticeVerifierTest {

    private static final Instant NOW = Instant.parse("2026-02-10T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));
    private static NoticeFixture.Hierarchy demo;
    private static NoticeFixture.Hierarchy other;

    @BeforeAll
    static void keys() {
        demo = NoticeFixture.Hierarchy.make("Demo", NOW);
        other = NoticeFixture.Hierarchy.make("Other", NOW);
    }

    private final SignedNoticeVerifier verifier = new SignedNoticeVerifier(() -> demo.root(), CLOCK);

    @Test
    void aGoodNoticeVerifiesAndIsRead() {
        byte[] xml = NoticeFixture.signed(NoticeFixture.taroNotice(), demo);
        MedicalExpenseNotice notice = MedicalExpenseNotice.of(verifier.verify(xml));
        assertThat(notice.year()).isEqualTo(2025);
        assertThat(notice.paid()).isEqualTo(11_103);
        assertThat(notice.count()).isEqualTo(3);
    }

    @Test
    void aTamperedAmountFails() {
        String xml = new String(NoticeFixture.signed(NoticeFixture.taroNotice(), demo), StandardCharsets.UTF_8);
        // The line and the stated total both changed, so the totals still add up: only the signature can tell.
        String tampered = xml.replace("<MadoguchiSotoFutan>3600</MadoguchiSotoFutan>", "<MadoguchiSotoFutan>36000</MadoguchiSotoFutan>")
                .replace("<MadoguchiSotoFutan>11103</MadoguchiSotoFutan>", "<MadoguchiSotoFutan>43503</MadoguchiSotoFutan>");
        assertThat(tampered).isNotEqualTo(xml);
        assertThat(verifier.verify(xml.getBytes(StandardCharsets.UTF_8))).isNotNull();
        assertThatThrownBy(() -> verifier.verify(tampered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NoticeSignatureException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aCertificateFromAnotherCaFails() {
        byte[] xml = NoticeFixture.signed(NoticeFixture.taroNotice(), other);
        assertThatThrownBy(() -> verifier.verify(xml))
                .isInstanceOf(NoticeSignatureException.class).hasMessageContaining("does not chain");
        assertThat(new SignedNoticeVerifier(() -> other.root(), CLOCK).verify(xml)).isNotNull();
    }

    @Test
    void aSignerCertificateNotValidTodayFails() {
        NoticeFixture.Hierarchy expired = NoticeFixture.Hierarchy.make("Demo",
                NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS));
        byte[] xml = NoticeFixture.signed(NoticeFixture.taroNotice(), expired);
        assertThatThrownBy(() -> new SignedNoticeVerifier(() -> expired.root(), CLOCK).verify(xml))
                .isInstanceOf(NoticeSignatureException.class).hasMessageContaining("today");
    }

    @Test
    void anUnsignedNoticeFails() throws Exception {
        byte[] xml = NoticeFixture.serialize(NoticeFixture.taroNotice());
        assertThatThrownBy(() -> verifier.verify(xml))
                .isInstanceOf(NoticeSignatureException.class).hasMessageContaining("one signature");
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() {
        String xml = new String(NoticeFixture.signed(NoticeFixture.taroNotice(), demo), StandardCharsets.UTF_8)
                .replaceFirst("\\?>", "?><!DOCTYPE IryohiTsuchi [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        assertThatThrownBy(() -> verifier.verify(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NoticeSignatureException.class).hasMessageContaining("well-formed");
    }

    @Test
    void noTrustAnchorFileMeansNothingVerifies(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        byte[] xml = NoticeFixture.signed(NoticeFixture.taroNotice(), demo);
        SignedNoticeVerifier withoutRoot = new SignedNoticeVerifier(new TrustAnchorFile(folder.resolve("root-ca.pem")), CLOCK);
        assertThatThrownBy(() -> withoutRoot.verify(xml)).isInstanceOf(NoticeSignatureException.class)
                .hasMessageContaining("trust anchor");
    }
}
