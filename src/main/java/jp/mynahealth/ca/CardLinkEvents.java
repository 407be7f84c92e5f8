package jp.mynahealth.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.FeedImporter;
import jp.mynahealth.importer.ImportReport;

/**
 * The demo issuer tells the read store about its cards the way the real link reaches it: as a
 * certificate-link event file taken by the importer (kept under {@code <data>/card-links/}). The
 * issuer never writes the read store itself.
 */
@Component
class CardLinkEvents {

    private final DataFolder data;
    private final FeedImporter importer;
    private final JdbcClient jdbc;
    private final Clock clock;

    CardLinkEvents(DataFolder data, FeedImporter importer, JdbcClient jdbc, Clock clock) {
        this.data = data;
        this.importer = importer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean knows(UUID person) {
        return jdbc.sql("select count(*) from records.person where person_id = :p").param("p", person)
                .query(Long.class).single() > 0;
    }

    void send(String event, X509Certificate certificate, UUID person) {
        write(event, certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber(), person,
                certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC),
                certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC));
    }

    /** Ends a link: the event names the certificate as the link knew it (the read store is only read here). */
    void revoke(String issuer, BigInteger serial) {
        jdbc.sql("""
                select person_id, not_before, not_after from records.card_certificate
                where issuer = :issuer and serial_number = :serial
                """).param("issuer", issuer).param("serial", new java.math.BigDecimal(serial))
                .query((row, n) -> {
                    write("revoke", issuer, serial, row.getObject(1, UUID.class),
                            row.getObject(2, OffsetDateTime.class), row.getObject(3, OffsetDateTime.class));
                    return n;
                }).list();
    }

    private void write(String event, String issuer, BigInteger serial, UUID person, OffsetDateTime from, OffsetDateTime to) {
        String line = String.join(",", LocalDate.now(clock).toString(), event, quote(issuer), serial.toString(),
                person.toString(), from.toString(), to.toString());
        try {
            Path folder = Files.createDirectories(data.resolve("card-links"));
            Path file = folder.resolve("card-link-" + serial + "-" + event + ".csv");
            Files.writeString(file, CsvFeed.CARD_LINKS.header() + "\r\n" + line + "\r\n", StandardCharsets.UTF_8);
            ImportReport report = importer.importFile(file, false);
            if (report.refused()) {
                throw new IllegalStateException("The card-link event was refused: " + report.summary());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the card-link event", e);
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
