package jp.mynahealth.importer.checkups;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLStreamException;

/**
 * Writes a 特定健診 exchange archive as it goes: each document becomes a DATA entry at once, and
 * {@link #close()} adds the index and the summary — their counts are known only then, and zip entry
 * order is free — so half a million documents need no more memory than one.
 *
 * <p>Layout: {@code <insurer>_2_<yyyyMMdd>0_1/DATA/h<insurer, 10 digits><yyyyMMdd>01<serial>.xml},
 * then {@code ix08_V08.xml} and {@code su08_V08.xml} in the same root folder. The writer refuses a
 * document the reader would refuse ({@link IllegalArgumentException}), so what it writes reads back.
 */
public final class CheckupArchiveWriter implements Closeable {

    /** The serial of a DATA file name has six digits. */
    static final int MAX_DOCUMENTS = 999_999;

    private final ZipOutputStream zip;
    private final CheckupArchiveHeader header;
    private final String root;
    private final String filePrefix;
    private long documents;
    private boolean closed;

    /** The writer owns {@code out} from here on and closes it with the archive. */
    public CheckupArchiveWriter(OutputStream out, CheckupArchiveHeader header) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.header = header;
        String day = ClinicalDocumentWriter.date(header.createdOn());
        // 送付元_送付先_作成日+分割回数_実施区分; 送付先 2 is the 支払基金 of the 国・支払基金区分.
        this.root = header.senderInsurerNumber() + "_2_" + day + "0_1/";
        this.filePrefix = root + ArchiveEntryNames.DATA + "/h00" + header.senderInsurerNumber() + day + "01";
    }

    /**
     * Writes one document as the next DATA entry.
     *
     * @return the document as the reader will give it back: its record number and entry name set
     */
    public CheckupDocument add(CheckupDocument document) throws IOException {
        if (closed) {
            throw new IllegalStateException("the archive is closed");
        }
        if (documents == MAX_DOCUMENTS) {
            throw new IllegalStateException("an archive holds at most " + MAX_DOCUMENTS + " documents");
        }
        WritableDocuments.require(document);
        documents++;
        String name = filePrefix + String.format("%06d", documents) + ".xml";
        zip.putNextEntry(new ZipEntry(name));
        // Through a buffer of its own: the JDK's XML writer hands its bytes on one at a time, and each
        // would otherwise be a call into zlib (two thirds of the CPU of generating a million people's
        // files, JFR). A document that fails half-way leaves nothing behind for the next entry.
        BufferedOutputStream entry = new BufferedOutputStream(new Unclosable(zip), 1 << 13);
        try {
            ClinicalDocumentWriter.write(document, header.createdOn(), entry);
        } catch (XMLStreamException e) {
            throw new IOException("could not write " + name, e);
        }
        entry.flush();
        zip.closeEntry();
        return new CheckupDocument(documents, name, document.setId(), document.version(), document.checkedOn(),
                document.program(), document.institutionCode(), document.insurerNumber(), document.symbol(),
                document.number(), document.branch(), document.name(), document.birthDate(), document.sex(),
                document.metabolicJudgement(), document.guidanceLevel(), document.items());
    }

    /** Writes the index and the summary and finishes the zip. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        String day = ClinicalDocumentWriter.date(header.createdOn());
        String ns = CheckupCodes.MHLW_NS;
        control(ArchiveEntryNames.INDEX, """
                <?xml version="1.0" encoding="UTF-8"?>
                <index xmlns="%s">
                  <interactionType code="10"/>
                  <creationTime value="%s"/>
                  <sender><id root="%s" extension="%s"/></sender>
                  <receiver><id root="%s" extension="2"/></receiver>
                  <serviceEventType code="1"/>
                  <totalRecordCount value="%d"/>
                </index>
                """.formatted(ns, day, CheckupCodes.INSURER_NUMBER, header.senderInsurerNumber(),
                CheckupCodes.PAYMENT_FUND_KIND, documents));
        control(ArchiveEntryNames.SUMMARY, """
                <?xml version="1.0" encoding="UTF-8"?>
                <summary xmlns="%s">
                  <serviceEventType code="1"/>
                  <totalSubjectCount value="%d"/>
                  <totalCostAmount value="0"/>
                  <totalPaymentAmount value="0"/>
                  <totalClaimAmount value="0"/>
                </summary>
                """.formatted(ns, documents));
        zip.close();
    }

    private void control(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(root + name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The XML writer may close what it writes to; the zip entry must stay open for closeEntry. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
