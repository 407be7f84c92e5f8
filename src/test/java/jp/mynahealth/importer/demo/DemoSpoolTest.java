package jp.mynahealth.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.mynahealth.importer.claims.ClaimCareAct;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimSink;
import jp.mynahealth.importer.claims.ClaimsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month spools become claims files one receipt at a time, through a spool per institution: each
 * file still holds one block per institution in code order, every receipt of the month is in it, and
 * no spool is left behind.
 */
class DemoSpoolTest {

    @Test
    void eachMonthIsOneBlockPerInstitutionInCodeOrderAndNoSpoolRemains(@TempDir Path folder) throws IOException {
        DemoDataLoader.writeFeed(folder, 7, 300, 1_000_000, false, LocalDate.of(2026, 11, 24));

        List<Path> claims;
        try (Stream<Path> files = Files.list(folder)) {
            claims = files.filter(f -> f.getFileName().toString().startsWith("claims-")).sorted().toList();
        }
        assertThat(claims).hasSizeGreaterThan(12);
        long receipts = 0;
        for (Path file : claims) {
            List<String> institutions = new ArrayList<>();
            long[] count = {0};
            try (InputStream in = Files.newInputStream(file)) {
                ClaimsReader.read(in, new ClaimSink() {
                    @Override
                    public void header(ClaimFileHeader header) {
                        institutions.add(header.institutionCode());
                    }

                    @Override
                    public void receipt(ClaimReceipt receipt) {
                        count[0]++;
                    }

                    @Override
                    public void drug(ClaimDrug drug) {
                    }

                    @Override
                    public void careAct(ClaimCareAct act) {
                    }
                });
            }
            assertThat(institutions).as(file.getFileName().toString()).isSorted().doesNotHaveDuplicates();
            receipts += count[0];
        }
        assertThat(receipts).isGreaterThan(300);
        try (Stream<Path> left = Files.walk(folder)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.equals(".spool") || name.contains(".tsv"));
        }
    }
}
