package jp.mynahealth.portal.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.PersonRepository;

/** A person's notices today, from every {@link NoticeSource}, newest first, each marked read or not. */
@Service
class Notices {

    /** One notice in a person's inbox. */
    record Entry(Notice notice, boolean read) {
    }

    /** A person's notices, newest first. */
    record Inbox(List<Entry> entries) {

        long unread() {
            return entries.stream().filter(e -> !e.read()).count();
        }

        Optional<Entry> find(String key) {
            return entries.stream().filter(e -> e.notice().key().equals(key)).findFirst();
        }
    }

    private final List<NoticeSource> sources;
    private final PersonRepository persons;
    private final NoticeReadRepository reads;
    private final Clock clock;

    Notices(List<NoticeSource> sources, PersonRepository persons, NoticeReadRepository reads, Clock clock) {
        this.sources = List.copyOf(sources);
        this.persons = persons;
        this.reads = reads;
        this.clock = clock;
    }

    Inbox inbox(PersonId id, Optional<Instant> previousVisit) {
        Optional<Person> person = persons.find(id);
        if (person.isEmpty()) {
            return new Inbox(List.of());
        }
        NoticeContext context = new NoticeContext(person.get(), LocalDate.now(clock), previousVisit);
        List<Notice> notices = new ArrayList<>();
        for (NoticeSource source : sources) {
            notices.addAll(source.notices(context));
        }
        Set<String> read = reads.readKeys(id);
        return new Inbox(notices.stream()
                .sorted(Comparator.comparing(Notice::on).reversed().thenComparing(Notice::key))
                .map(n -> new Entry(n, read.contains(n.key()))).toList());
    }
}
