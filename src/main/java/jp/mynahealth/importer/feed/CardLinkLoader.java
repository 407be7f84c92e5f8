package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;

/**
 * Certificate-link events: a card's user-authentication certificate (issuer DN + serial) is linked
 * to a person (link), or its link ends because the certificate was revoked (revoke). The link is
 * what the identity provider maps a login to; it is never derived from a name.
 */
@Component
class CardLinkLoader implements FeedLoader {

    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,50}");

    @Override
    public FeedKind kind() {
        return FeedKind.CARD_LINKS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_card_link (record_no bigint, processed_on date, event text, issuer text,
                    serial_number numeric(50, 0), person_ref uuid, not_before timestamptz, not_after timestamptz) on commit drop
                """);
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.withHeader(in, CsvFeed.CARD_LINKS); CopyWriter copy = session.copy(
                "stage_card_link", "record_no, processed_on, event, issuer, serial_number, person_ref, not_before, not_after")) {
            while (csv.next()) {
                count++;
                session.recordRead();
                copy.row(csv.recordNumber(), csv.date("processed_on", true), csv.oneOf("event", List.of("link", "revoke"), true),
                        csv.text("issuer", 500, true), csv.matching("serial_number", SERIAL, "10進の整数", true),
                        csv.uuid("person_ref", true), csv.timestamp("not_before", true), csv.timestamp("not_after", true));
            }
            csv.finish();
            copy.finish();
        }
        session.refuseWhereFound("""
                select s.record_no from stage_card_link s
                where not exists (select 1 from records.person p where p.person_id = s.person_ref) order by 1
                """, row -> MasterLoaders.problem(row, "person_ref", "読み込み済みの資格情報にない人です",
                "a person the read store does not know (their qualification must come first)"));
        session.refuseWhereFound("""
                select s.record_no from stage_card_link s where s.not_after <= s.not_before order by 1
                """, row -> MasterLoaders.problem(row, "not_after", "有効期限が開始より前です", "not_after is not after not_before"));
        // In file order, the last event for a certificate decides its state.
        session.execute("""
                insert into records.card_certificate (issuer, serial_number, person_id, not_before, not_after, status)
                select distinct on (issuer, serial_number) issuer, serial_number, person_ref, not_before, not_after,
                       case event when 'link' then 'active' else 'revoked' end
                from stage_card_link order by issuer, serial_number, record_no desc
                on conflict (issuer, serial_number) do update set person_id = excluded.person_id,
                    not_before = excluded.not_before, not_after = excluded.not_after,
                    status = case when records.card_certificate.status = 'revoked' then 'revoked' else excluded.status end
                """);
        return count;
    }

}
