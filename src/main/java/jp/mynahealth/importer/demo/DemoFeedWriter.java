package jp.mynahealth.importer.demo;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.checkups.CheckupArchiveHeader;
import jp.mynahealth.importer.checkups.CheckupArchiveWriter;
import jp.mynahealth.importer.checkups.CheckupDocument;
import jp.mynahealth.importer.checkups.CheckupItem;
import jp.mynahealth.importer.demo.DemoRows.CheckupResultRow;
import jp.mynahealth.importer.demo.DemoRows.CheckupRow;
import jp.mynahealth.importer.demo.DemoRows.CostNoticeRow;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.EPrescriptionRow;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.ProvisionRow;
import jp.mynahealth.importer.demo.DemoRows.QualificationRow;

/**
 * Turns generated people into the files a real read store receives — the masters, the
 * intermediary's qualification events, monthly claims files, yearly checkup archives, the
 * e-prescription events, the provision log and the municipalities' vaccination records — so the
 * demo goes through the importer's one door like any payer's data.
 *
 * <p>People arrive one by one, but a claims file holds one month of every institution: receipts
 * are spooled per service month (a month of data at a time is all that is ever held in memory)
 * and written as claims files at the end.
 */
final class DemoFeedWriter implements DemoRows.Sink, Closeable {

    /** Members in the order put, quantities as written (28, not 2.8E+1). */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** Who sends the demo's checkup archives (an 8-digit number, as the format requires). */
    static final String CHECKUP_SENDER = "99130001";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final Path folder;
    private final Path spool;
    private final LocalDate asOf;
    private final Writer qualifications;
    private final Writer provisions;
    private final Writer vaccinations;
    private final Map<YearMonth, Writer> monthSpools = new TreeMap<>();
    private final Map<Integer, CheckupArchiveWriter> archives = new TreeMap<>();
    private final Map<Integer, OutputStream> archiveStreams = new TreeMap<>();
    private final DemoPerson current = new DemoPerson();
    private Writer ePrescriptions;
    private long withoutCoverage;

    DemoFeedWriter(Path folder, LocalDate asOf) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.spool = Files.createDirectories(folder.resolve(".spool"));
        this.asOf = asOf;
        DemoMasters.write(folder);
        this.qualifications = csv("qualifications.csv", CsvFeed.QUALIFICATIONS);
        this.provisions = csv("provisions.csv", CsvFeed.PROVISIONS);
        this.vaccinations = csv("vaccinations.csv", CsvFeed.VACCINATIONS);
    }

    private Writer csv(String name, CsvFeed feed) throws IOException {
        Writer writer = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
        writer.write(feed.header());
        writer.write("\r\n");
        return writer;
    }

    /** Records that could not be written because no insurance covered them (none in the 見本 family). */
    long withoutCoverage() {
        return withoutCoverage;
    }

    @Override
    public void person(PersonRow row) {
        flushPerson();
        current.start(row);
    }

    @Override
    public void qualification(QualificationRow row) {
        current.qualifications.add(row);
    }

    @Override
    public void dispensing(DispensingRow row) {
        current.dispensings.add(row);
    }

    @Override
    public void checkup(CheckupRow row) {
        current.checkups.add(row);
    }

    @Override
    public void checkupResult(CheckupResultRow row) {
        current.results.add(row);
    }

    @Override
    public void costNotice(CostNoticeRow row) {
        current.notices.add(row);
    }

    @Override
    public void provision(ProvisionRow row) {
        current.provisions.add(row);
    }

    @Override
    public void vaccination(DemoRows.VaccinationRow row) {
        current.vaccinations.add(row);
    }

    @Override
    public void ePrescription(EPrescriptionRow row) {
        current.ePrescriptions.add(row);
    }

    @Override
    public void careAct(DemoRows.CareActRow row) {
        current.careActs.add(row);
    }

    @Override
    public void householdDone() {
        flushPerson();
    }

    private void flushPerson() {
        if (current.person == null) {
            return;
        }
        try {
            for (String line : current.qualificationEvents(asOf)) {
                qualifications.write(line);
                qualifications.write("\r\n");
            }
            for (DemoPerson.Receipt receipt : current.receipts()) {
                if (receipt == null) {
                    withoutCoverage++;
                    continue;
                }
                Writer month = monthSpools.computeIfAbsent(receipt.receipt().serviceMonth(), this::openSpool);
                month.write(DemoSpool.line(receipt));
            }
            for (CheckupDocument document : current.checkupDocuments()) {
                if (document == null) {
                    withoutCoverage++;
                    continue;
                }
                archive(document.checkedOn().getYear()).add(document);
            }
            for (Map<String, Object> event : current.ePrescriptionEvents()) {
                if (event == null) {
                    withoutCoverage++;
                    continue;
                }
                ePrescriptions().write(JSON.writeValueAsString(event));
                ePrescriptions().write("\n");
            }
            for (ProvisionRow p : current.provisions) {
                provisions.write(p.providedAt().atOffset(java.time.ZoneOffset.ofHours(9)) + "," + p.personId() + ","
                        + p.institutionCode() + "," + p.dataKind() + "\r\n");
            }
            for (DemoRows.VaccinationRow v : current.vaccinations) {
                vaccinations.write(String.join(",", v.recordedOn().toString(), v.municipalityCode(), v.recordRef(),
                        v.personId().toString(), v.birthDate().toString(), v.vaccineCode(), String.valueOf(v.doseNumber()),
                        v.givenOn().toString(), v.lotNumber(), v.place()) + "\r\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        current.clear();
    }

    /** Opened with the first event: a file without any would be no feed the importer knows. */
    private Writer ePrescriptions() throws IOException {
        if (ePrescriptions == null) {
            ePrescriptions = Files.newBufferedWriter(folder.resolve("e-prescriptions.jsonl"), StandardCharsets.UTF_8);
        }
        return ePrescriptions;
    }

    private Writer openSpool(YearMonth month) {
        try {
            return Files.newBufferedWriter(spool.resolve(MONTH.format(month) + ".tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CheckupArchiveWriter archive(int year) throws IOException {
        CheckupArchiveWriter writer = archives.get(year);
        if (writer == null) {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve("checkups-" + year + ".zip")),
                    1 << 16);
            writer = new CheckupArchiveWriter(out, new CheckupArchiveHeader(CHECKUP_SENDER, asOf));
            archives.put(year, writer);
            archiveStreams.put(year, out);
        }
        return writer;
    }

    @Override
    public void close() throws IOException {
        flushPerson();
        qualifications.close();
        provisions.close();
        vaccinations.close();
        if (ePrescriptions != null) {
            ePrescriptions.close();
        }
        for (Map.Entry<Integer, CheckupArchiveWriter> archive : archives.entrySet()) {
            archive.getValue().close();
            archiveStreams.get(archive.getKey()).close();
        }
        for (Map.Entry<YearMonth, Writer> month : monthSpools.entrySet()) {
            month.getValue().close();
            Path spooled = spool.resolve(MONTH.format(month.getKey()) + ".tsv");
            DemoSpool.writeClaims(spooled, folder.resolve("claims-" + MONTH.format(month.getKey()) + ".UKE"),
                    month.getKey().plusMonths(1));
            Files.delete(spooled);
        }
        Files.deleteIfExists(spool);
    }

    static Charset shiftJis() {
        return Charset.forName("Shift_JIS");
    }

    /** Items of a checkup, in the generator's order. */
    static List<CheckupItem> items(List<CheckupResultRow> rows) {
        List<CheckupItem> items = new ArrayList<>();
        for (CheckupResultRow r : rows) {
            items.add(new CheckupItem(r.itemCode(), r.itemName(), r.valueNumeric(), r.valueText(), r.unit(),
                    r.referenceLow(), r.referenceHigh(), r.flag()));
        }
        return items;
    }

}
