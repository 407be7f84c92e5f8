package jp.mynahealth.importer.checkups;

import static jp.mynahealth.importer.checkups.TestArchives.DOC1;
import static jp.mynahealth.importer.checkups.TestArchives.DOC2;
import static jp.mynahealth.importer.checkups.TestArchives.INDEX;
import static jp.mynahealth.importer.checkups.TestArchives.ROOT;
import static jp.mynahealth.importer.checkups.TestArchives.SUMMARY;
import static jp.mynahealth.importer.checkups.TestArchives.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.checkups.TestArchives.Refusal;

/** Every way an archive is refused: each says which record and field, and nothing crashes or hangs. */
@Timeout(60)
class CheckupArchiveRefusalTest {

    private static final String FIRST_DOC = TestArchives.text("DATA/h13112345672025031501000001.xml");

    private static Map<String, byte[]> handWithFirst(String xml) {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.put(DOC1, utf8(xml));
        return entries;
    }

    private static Problem onlyProblem(Refusal refusal) {
        assertThat(refusal.exception().problems()).hasSize(1);
        return refusal.exception().problems().get(0);
    }

    @Test
    void truncatedInsideADocumentIsCorrupt() throws IOException {
        byte[] zip = TestArchives.zip(TestArchives.hand());
        int secondEntry = indexOf(zip, new byte[] {'P', 'K', 3, 4}, 4);

        Problem problem = onlyProblem(TestArchives.refuse(Arrays.copyOf(zip, secondEntry / 2)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEmpty();
        assertThat(problem.reasonEn()).contains("corrupt or truncated");
    }

    @Test
    void truncatedBetweenEntriesMissesTheControlFiles() throws IOException {
        byte[] zip = TestArchives.zip(TestArchives.hand());
        int indexEntry = indexOf(zip, INDEX.getBytes(StandardCharsets.UTF_8), 0) - 30;

        Refusal refusal = TestArchives.refuse(Arrays.copyOf(zip, indexEntry));

        assertThat(refusal.exception().problems()).extracting(Problem::recordNumber, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "ix08_V08.xml"),
                        org.assertj.core.groups.Tuple.tuple(0L, "su08_V08.xml"));
    }

    @Test
    void aZipBombIsStoppedByItsRatioWithoutInflatingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(ROOT + "DATA/h0000000001202504010100001.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        Problem problem = onlyProblem(TestArchives.refuse(bytes.toByteArray()));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(ROOT + "DATA/h0000000001202504010100001.xml");
        assertThat(problem.reasonEn()).contains("compression ratio");
    }

    @Test
    void anEntryLargerThanTheLimitIsRefusedWhateverItsHeaderSays() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        byte[] noise = new byte[5 << 20];
        new Random(7).nextBytes(noise);
        noise[0] = '<';
        entries.put(DOC2, noise);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(DOC2);
        assertThat(problem.reasonEn()).contains("inflates to more than 4194304 bytes");
    }

    @Test
    void theTotalSizeIsLimited() throws IOException {
        CheckupArchiveLimits limits = new CheckupArchiveLimits(4 << 20, 14_000, 100, 200, 100);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(TestArchives.hand()), limits));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(DOC2);
        assertThat(problem.reasonEn()).contains("in total");
    }

    @Test
    void tooManyEntries() throws IOException {
        CheckupArchiveLimits limits = new CheckupArchiveLimits(4 << 20, 1 << 30, 3, 200, 100);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(TestArchives.hand()), limits));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.reasonEn()).contains("more than 3 entries");
    }

    @Test
    void aNestedArchiveIsRefusedByName() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.put(ROOT + "DATA/more.zip", TestArchives.zip(TestArchives.hand()));

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(ROOT + "DATA/more.zip");
        assertThat(problem.reasonEn()).contains("itself an archive");
    }

    @Test
    void aNestedArchiveIsRefusedByItsMagicUnderAnXmlName() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.put(DOC2, TestArchives.zip(TestArchives.hand()));

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(DOC2);
        assertThat(problem.reasonEn()).contains("itself an archive");
    }

    @Test
    void aParentPathIsRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../evil.xml", utf8("<x/>"));
        entries.putAll(TestArchives.hand());

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo("../evil.xml");
        assertThat(problem.reasonEn()).contains("unsafe entry name");
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.put("/etc/cron.d/evil", utf8("x"));

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.field()).isEqualTo("/etc/cron.d/evil");
        assertThat(problem.reasonEn()).contains("absolute path");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() throws IOException {
        String xxe = FIRST_DOC.replace("<ClinicalDocument ",
                "<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ClinicalDocument ")
                .replace("ケンシン　タロウ", "&x;");

        Refusal refusal = TestArchives.refuse(TestArchives.zip(handWithFirst(xxe)));

        Problem problem = onlyProblem(refusal);
        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo(DOC1);
        assertThat(problem.reasonEn()).contains("DOCTYPE");
        assertThat(refusal.delivered()).extracting(CheckupDocument::entryName).containsExactly(DOC2);
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctype() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ClinicalDocument [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        String bomb = FIRST_DOC.replace("<ClinicalDocument ", dtd + "<ClinicalDocument ").replace("ケンシン　タロウ", "&lol9;");

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(bomb))));

        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo(DOC1);
        assertThat(problem.reasonEn()).contains("DOCTYPE");
    }

    @Test
    void malformedXml() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("</recordTarget>", "")))));

        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo(DOC1);
        assertThat(problem.reasonEn()).contains("not well-formed");
    }

    @Test
    void aMissingIndex() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.remove(INDEX);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo("ix08_V08.xml");
    }

    @Test
    void aMissingSummary() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.remove(SUMMARY);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo("su08_V08.xml");
    }

    @Test
    void aDocumentCountedButMissing() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.remove(DOC2);
        TestArchives.counts(entries, 2, 2);

        Refusal refusal = TestArchives.refuse(TestArchives.zip(entries));

        assertThat(refusal.exception().problems()).extracting(Problem::recordNumber, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, "ix08_V08.xml/totalRecordCount/@value"),
                org.assertj.core.groups.Tuple.tuple(0L, "su08_V08.xml/totalSubjectCount/@value"));
    }

    @Test
    void aDocumentPresentButNotCounted() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        TestArchives.counts(entries, 1, 2);

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo("ix08_V08.xml/totalRecordCount/@value");
        assertThat(problem.reasonEn()).contains("counts 1 documents, DATA holds 2");
    }

    @Test
    void aJlac10CodeThatIsNot17Characters() throws IOException {
        Refusal refusal = TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("\"9N006000000000001\"", "\"9N00600000000001\""))));

        Problem problem = onlyProblem(refusal);
        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo("observation[code=9N00600000000001]/code/@code");
        assertThat(refusal.delivered()).as("the faulty document never reaches the sink").hasSize(1);
    }

    @Test
    void aNumericValueThatIsNotANumber() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("value=\"72.0\"", "value=\"7２.0\"")))));

        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo("observation[code=9N006000000000001]/value/@value");
    }

    @Test
    void anExponentIsNotAPlainNumber() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("value=\"72.0\"", "value=\"1e999999999\"")))));

        assertThat(problem.field()).isEqualTo("observation[code=9N006000000000001]/value/@value");
    }

    @Test
    void anItemTwiceInOneDocument() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("\"9N011000000000001\"", "\"9N006000000000001\"")))));

        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo("code");
        assertThat(problem.reasonEn()).isEqualTo("the same item appears twice in one document");
    }

    @Test
    void aValueTheStoreCannotHold() throws IOException {
        for (String value : new String[] { "72.125", "123456789" }) {
            Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                    FIRST_DOC.replace("value=\"72.0\"", "value=\"" + value + "\"")))));

            assertThat(problem.field()).as(value).isEqualTo("value");
            assertThat(problem.reasonJa()).as(value).contains("桁が多すぎます");
        }
    }

    @Test
    void aDocumentWithoutResults() throws IOException {
        Refusal refusal = TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replaceAll("(?s)<entry>.*?</entry>", ""))));

        assertThat(refusal.exception().problems()).extracting(Problem::recordNumber, Problem::field)
                .contains(org.assertj.core.groups.Tuple.tuple(1L, "component"));
    }

    @Test
    void missingPatientIdsDateAndInstitution() throws IOException {
        String xml = FIRST_DOC.replace("<id root=\"1.2.392.200119.6.101\" extension=\"06132013\"/>\n      <id root=\"1.2.392.200119.6.204\"",
                "<id root=\"1.2.392.200119.6.204\"")
                .replace("<id root=\"1.2.392.200119.6.205\" extension=\"4567\"/>", "")
                .replace("<effectiveTime value=\"20250315\"/>", "")
                .replace("extension=\"1311234567\"", "extension=\"131123\"");

        Refusal refusal = TestArchives.refuse(TestArchives.zip(handWithFirst(xml)));

        assertThat(refusal.exception().problems()).extracting(Problem::recordNumber).containsOnly(1L);
        assertThat(refusal.exception().problems()).extracting(Problem::field).containsExactly(
                "ClinicalDocument/recordTarget/patientRole/id[@root='1.2.392.200119.6.101']/@extension",
                "ClinicalDocument/recordTarget/patientRole/id[@root='1.2.392.200119.6.205']/@extension",
                "ClinicalDocument/documentationOf/serviceEvent/effectiveTime/@value",
                "ClinicalDocument/documentationOf/serviceEvent/performer/assignedEntity/representedOrganization/id[@root='1.2.392.200119.6.102']/@extension");
    }

    @Test
    void aFieldOverItsLengthLimit() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("ケンシン　タロウ", "ア".repeat(101))))));

        assertThat(problem.recordNumber()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo("ClinicalDocument/recordTarget/patientRole/patient/name");
        assertThat(problem.reasonEn()).contains("longer than 100");
    }

    @Test
    void anUnknownProgramIsRefused() throws IOException {
        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(handWithFirst(
                FIRST_DOC.replace("<code code=\"010\"", "<code code=\"030\"")))));

        assertThat(problem.field()).isEqualTo("ClinicalDocument/documentationOf/serviceEvent/code/@code");
    }

    @Test
    void aFileOutsideTheLayout() throws IOException {
        Map<String, byte[]> entries = TestArchives.hand();
        entries.put(ROOT + "notes.txt", utf8("hello"));

        Problem problem = onlyProblem(TestArchives.refuse(TestArchives.zip(entries)));

        assertThat(problem.recordNumber()).isZero();
        assertThat(problem.field()).isEqualTo(ROOT + "notes.txt");
    }

    @Test
    void notAZipAtAll() throws IOException {
        Refusal refusal = TestArchives.refuse(utf8("<ClinicalDocument/>"));

        assertThat(refusal.exception().problems()).extracting(Problem::field).containsExactly("ix08_V08.xml", "su08_V08.xml");
    }

    @Test
    void stopsAtOneHundredProblems() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] bad = utf8(FIRST_DOC.replace("\"9N006000000000001\"", "\"BAD\""));
        for (int i = 1; i <= 150; i++) {
            entries.put(ROOT + "DATA/h" + i + ".xml", bad);
        }
        TestArchives.counts(entries, 150, 150);

        Refusal refusal = TestArchives.refuse(TestArchives.zip(entries));

        assertThat(refusal.exception().problems()).hasSize(100);
        assertThat(refusal.exception().problems().get(99).recordNumber()).isEqualTo(100);
    }

    @Test
    void scriptInANameOrValueIsKeptAsText() throws IOException {
        String xml = FIRST_DOC.replace("ケンシン　タロウ", "&lt;script&gt;alert('x')&lt;/script&gt;");

        CheckupDocument d = TestArchives.read(TestArchives.zip(handWithFirst(xml))).get(0);

        assertThat(d.name()).isEqualTo("<script>alert('x')</script>");
        assertThat(d.items()).extracting(CheckupItem::valueText).contains("<script>alert(1)</script>要経過観察");
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
