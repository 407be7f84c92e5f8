package jp.mynahealth.importer.checkups;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.mynahealth.importer.RefusedFileException;

/** Builds archives for the tests: the hand-written fixture, and hostile variations of it. */
final class TestArchives {

    static final String ROOT = "06132013_2_202504010_1/";
    static final String DOC1 = ROOT + "DATA/h13112345672025031501000001.xml";
    static final String DOC2 = ROOT + "DATA/h13198765432025031801000002.xml";
    static final String INDEX = ROOT + "ix08_V08.xml";
    static final String SUMMARY = ROOT + "su08_V08.xml";

    private TestArchives() {
    }

    /** The hand fixture's entries, DATA first and the control files last, as our writer orders them. */
    static Map<String, byte[]> hand() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(DOC1, resource("DATA/h13112345672025031501000001.xml"));
        entries.put(DOC2, resource("DATA/h13198765432025031801000002.xml"));
        entries.put(INDEX, resource("ix08_V08.xml"));
        entries.put(SUMMARY, resource("su08_V08.xml"));
        return entries;
    }

    static String text(String resource) {
        return new String(resource(resource), StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = TestArchives.class.getResourceAsStream("/importer/checkups/hand/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The index and summary of an archive stating {@code count} documents. */
    static void counts(Map<String, byte[]> entries, int index, int summary) {
        entries.put(INDEX, utf8(text("ix08_V08.xml").replace("<totalRecordCount value=\"2\"/>",
                "<totalRecordCount value=\"" + index + "\"/>")));
        entries.put(SUMMARY, utf8(text("su08_V08.xml").replace("<totalSubjectCount value=\"2\"/>",
                "<totalSubjectCount value=\"" + summary + "\"/>")));
    }

    static List<CheckupDocument> read(byte[] zip) throws IOException {
        return read(zip, CheckupArchiveLimits.DEFAULT);
    }

    static List<CheckupDocument> read(byte[] zip, CheckupArchiveLimits limits) throws IOException {
        List<CheckupDocument> documents = new ArrayList<>();
        CheckupArchiveReader.read(new ByteArrayInputStream(zip), limits, documents::add);
        return documents;
    }

    /** The refusal of an archive the test expects to be refused, with the documents the sink saw. */
    record Refusal(RefusedFileException exception, List<CheckupDocument> delivered) {
    }

    static Refusal refuse(byte[] zip) throws IOException {
        return refuse(zip, CheckupArchiveLimits.DEFAULT);
    }

    static Refusal refuse(byte[] zip, CheckupArchiveLimits limits) throws IOException {
        List<CheckupDocument> documents = new ArrayList<>();
        try {
            CheckupArchiveReader.read(new ByteArrayInputStream(zip), limits, documents::add);
        } catch (RefusedFileException e) {
            return new Refusal(e, documents);
        }
        throw new AssertionError("the archive was accepted with " + documents.size() + " documents");
    }
}
