package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimSink;
import jp.mynahealth.importer.claims.ClaimsReader;

/**
 * A claims file (レセ電) into cost lines and, from 調剤 receipts, dispensings, a window of receipts
 * at a time ({@link ClaimWindow}), all in the file's one transaction. A 調剤 receipt is made per
 * prescribing institution, so the prescriber (known from its drug lines) belongs to its identity.
 */
@Component
class ClaimsLoader implements FeedLoader {

    @Override
    public FeedKind kind() {
        return FeedKind.CLAIMS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        ClaimWindow window = new ClaimWindow(session, ClaimMasters.read(session.jdbc()));
        session.phase("masters");
        ClaimFileHeader[] header = new ClaimFileHeader[1];
        YearMonth[] latest = new YearMonth[1];
        long[] records = new long[1];
        ClaimsReader.read(in, new ClaimSink() {
            @Override
            public void header(ClaimFileHeader h) {
                header[0] = h;
                window.institution(h.institutionCode(), records[0] + 1);
                if (latest[0] == null || h.claimMonth().isAfter(latest[0])) {
                    latest[0] = h.claimMonth();
                }
            }

            @Override
            public void receipt(ClaimReceipt r) {
                records[0]++;
                session.recordRead();
                window.receipt(header[0].institutionCode(), r);
            }

            @Override
            public void drug(ClaimDrug d) {
                records[0]++;
                session.recordRead();
                window.drug(d);
            }
        });
        if (header[0] == null) {
            throw new RefusedFileException(Problem.ofFile("ヘッダーレコード（IR/YK）がありません", "no IR/YK header record"));
        }
        session.countUnmatched(window.finish());
        session.phase("read, match and write");
        LocalDate through = latest[0].minusMonths(1).atEndOfMonth();
        for (String kind : new String[] { "dispensing", "cost_notice" }) {
            session.jdbc().sql("""
                    insert into records.data_as_of (data_kind, complete_through) values (:kind, :through)
                    on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                    """).param("kind", kind).param("through", through).update();
        }
        return records[0];
    }
}
