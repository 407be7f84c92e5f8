package jp.mynahealth.importer.demo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jp.mynahealth.importer.claims.ClaimCareAct;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimForm;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimsWriter;

/**
 * The generator's month spool: receipts as tab-separated lines (R, then its D and C lines), read back a
 * month at a time and written as one claims file holding a block per institution, as a payer's
 * monthly delivery does.
 */
final class DemoSpool {

    private DemoSpool() {
    }

    static String line(DemoPerson.Receipt receipt) {
        ClaimReceipt r = receipt.receipt();
        StringBuilder out = new StringBuilder(256);
        out.append("R\t").append(receipt.institutionCode()).append('\t').append(r.category()).append('\t')
                .append(r.insurerNumber()).append('\t').append(r.symbol() == null ? "" : r.symbol()).append('\t')
                .append(r.number()).append('\t').append(r.branch()).append('\t').append(r.name()).append('\t')
                .append(r.birthDate()).append('\t').append(r.sex()).append('\t').append(r.days()).append('\t')
                .append(r.totalPoints()).append('\t').append(r.publicShareYen()).append('\t').append(r.patientShareYen())
                .append('\n');
        for (ClaimDrug d : receipt.drugs()) {
            out.append("D\t").append(d.dispensedOn()).append('\t').append(d.prescriberCode()).append('\t')
                    .append(d.drugCode()).append('\t').append(d.quantity().toPlainString()).append('\t').append(d.days())
                    .append('\t').append(d.usage()).append('\t').append(d.category()).append('\n');
        }
        for (ClaimCareAct a : receipt.acts()) {
            out.append("C\t").append(a.performedOn()).append('\t').append(a.careClass()).append('\t')
                    .append(a.procedureCode()).append('\t').append(a.times()).append('\n');
        }
        return out.toString();
    }

    /**
     * Writes one month's receipts: institutions in code order, receipts in the order generated. A month of
     * a million people is some 200 MB of spool and several GB as objects: the receipts are first split into
     * a spool per institution, then each is read back and written one receipt at a time.
     */
    static void writeClaims(Path spooled, Path target, YearMonth claimMonth) throws IOException {
        YearMonth serviceMonth = claimMonth.minusMonths(1);
        Map<String, Path> byInstitution = splitByInstitution(spooled);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            for (Map.Entry<String, Path> institution : byInstitution.entrySet()) {
                DemoCatalog.Institution known = DemoCatalog.INSTITUTIONS.stream()
                        .filter(i -> i.code().equals(institution.getKey())).findFirst().orElseThrow();
                ClaimFileHeader header = new ClaimFileHeader(formOf(known.code()), known.code(), known.name(), claimMonth);
                try (ClaimsWriter writer = new ClaimsWriter(out, header)) {
                    readReceipts(institution.getValue(), serviceMonth,
                            receipt -> writer.receipt(receipt.receipt(), receipt.drugs(), receipt.acts()));
                }
            }
        } finally {
            for (Path part : byInstitution.values()) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Each receipt's lines (its R line, then its D and C lines) to the spool of its institution, in order. */
    private static Map<String, Path> splitByInstitution(Path spooled) throws IOException {
        Map<String, Path> parts = new TreeMap<>();
        Map<String, Writer> writers = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(spooled, StandardCharsets.UTF_8)) {
            Writer current = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("R\t")) {
                    String institution = line.substring(2, line.indexOf('\t', 2));
                    current = writers.get(institution);
                    if (current == null) {
                        Path part = spooled.resolveSibling(spooled.getFileName() + "." + institution);
                        parts.put(institution, part);
                        current = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                        writers.put(institution, current);
                    }
                }
                current.write(line);
                current.write('\n');
            }
        } finally {
            for (Writer writer : writers.values()) {
                writer.close();
            }
        }
        return parts;
    }

    private interface ReceiptSink {
        void accept(DemoPerson.Receipt receipt) throws IOException;
    }

    /** Reads a spool back a receipt at a time: a receipt is whole when the next one begins, or the spool ends. */
    private static void readReceipts(Path spooled, YearMonth serviceMonth, ReceiptSink sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(spooled, StandardCharsets.UTF_8)) {
            DemoPerson.Receipt pending = null;
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("R")) {
                    if (pending != null) {
                        sink.accept(pending);
                    }
                    ClaimReceipt receipt = new ClaimReceipt(0, 0, f[2], serviceMonth, f[3], f[4].isEmpty() ? null : f[4],
                            f[5], f[6], f[7], LocalDate.parse(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                            Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), false);
                    pending = new DemoPerson.Receipt(f[1], receipt, new ArrayList<>(), new ArrayList<>());
                } else if (f[0].equals("C")) {
                    pending.acts().add(new ClaimCareAct(0, 0, Integer.parseInt(f[2]), f[3], LocalDate.parse(f[1]),
                            Integer.parseInt(f[4])));
                } else {
                    pending.drugs().add(new ClaimDrug(0, 0, LocalDate.parse(f[1]), f[2], f[3], new BigDecimal(f[4]),
                            Integer.parseInt(f[5]), f[6], f[7]));
                }
            }
            if (pending != null) {
                sink.accept(pending);
            }
        }
    }

    /** The 点数表 digit of the institution code says which specification its claims follow. */
    static ClaimForm formOf(String institutionCode) {
        return switch (institutionCode.charAt(2)) {
            case '3' -> ClaimForm.DENTAL;
            case '4' -> ClaimForm.PHARMACY;
            default -> ClaimForm.MEDICAL;
        };
    }
}
