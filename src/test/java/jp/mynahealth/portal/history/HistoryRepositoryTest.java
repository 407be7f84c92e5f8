package jp.mynahealth.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/** Keyset pages of the history: every entry once, newest first, ties on the time included. */
@ReadStoreTest
class HistoryRepositoryTest {

    private static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    private static final Instant FROM = Instant.parse("2019-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2019-04-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private JdbcClient importer;

    @BeforeEach
    void twentyFiveProvisionsFiveAtTheSameMoment() {
        importer = StoreLogins.importer(context);
        String institution = importer.sql("select institution_code from records.institution order by 1 limit 1").query(String.class)
                .single();
        for (int i = 0; i < 25; i++) {
            Instant at = i < 5 ? Instant.parse("2019-03-10T09:00:00Z") : FROM.plusSeconds(3600L * (i + 100));
            importer.sql("""
                    insert into records.data_provision (person_id, provided_at, institution_code, data_kind)
                    values (:p, :at, :i, '薬剤情報')
                    """).param("p", TARO).param("at", Timestamp.from(at)).param("i", institution).update();
        }
    }

    @AfterEach
    void removeThem() {
        importer.sql("delete from records.data_provision where person_id = :p and provided_at >= :from and provided_at < :to")
                .param("p", TARO).param("from", Timestamp.from(FROM)).param("to", Timestamp.from(TO)).update();
    }

    @Test
    void pagesHoldEveryEntryOnceNewestFirst() {
        HistoryRepository history = new HistoryRepository(jdbc);
        List<HistoryEntry> all = new ArrayList<>();
        HistoryRepository.Cursor after = null;
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            List<HistoryEntry> entries = history.find(new PersonId(TARO), FROM, TO, after, 10);
            if (entries.isEmpty()) {
                break;
            }
            sizes.add(entries.size());
            all.addAll(entries);
            HistoryEntry last = entries.get(entries.size() - 1);
            after = new HistoryRepository.Cursor(last.at(), last.source(), last.id());
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(all).extracting(HistoryEntry::id).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            HistoryEntry before = all.get(i - 1);
            HistoryEntry next = all.get(i);
            assertThat(before.at().isAfter(next.at()) || before.at().equals(next.at()) && before.id() > next.id())
                    .as("entry %d comes after entry %d", i, i - 1).isTrue();
        }
    }
}
