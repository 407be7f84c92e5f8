package jp.mynahealth.importer.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The hand-made fixture files, and a sink that keeps what it is given. */
final class Fixtures {

    static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/importer/claims/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's records as text, to be changed by a test and encoded again with {@link #file}. */
    static List<String> records(String name) {
        return new ArrayList<>(Arrays.asList(new String(bytes(name), SHIFT_JIS).split("\r\n")));
    }

    static byte[] file(List<String> records) {
        return (String.join("\r\n", records) + "\r\n").getBytes(SHIFT_JIS);
    }

    static Collected read(byte[] file) throws IOException {
        Collected sink = new Collected();
        ClaimsReader.read(new ByteArrayInputStream(file), sink);
        return sink;
    }

    /** Replaces the field at a 1-based position of a record. */
    static String withField(String record, int position, String value) {
        String[] fields = record.split(",", -1);
        fields[position - 1] = value;
        return String.join(",", fields);
    }

    static final class Collected implements ClaimSink {
        final List<ClaimFileHeader> headers = new ArrayList<>();
        final List<ClaimReceipt> receipts = new ArrayList<>();
        final List<ClaimDrug> drugs = new ArrayList<>();
        final List<ClaimCareAct> careActs = new ArrayList<>();

        @Override
        public void header(ClaimFileHeader header) {
            headers.add(header);
        }

        @Override
        public void receipt(ClaimReceipt receipt) {
            receipts.add(receipt);
        }

        @Override
        public void drug(ClaimDrug drug) {
            drugs.add(drug);
        }

        @Override
        public void careAct(ClaimCareAct act) {
            careActs.add(act);
        }
    }
}
