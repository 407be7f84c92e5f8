package jp.mynahealth.importer.feed;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.ImportSession;

/**
 * Finds the person a staged claim or checkup belongs to. The only key is the insured's
 * 保険者番号 + 記号・番号・枝番 in force during the record's period: a name and birth date never
 * find anybody (the 2023 mis-links came from that). They only confirm: a record whose name or
 * birth date differs from the person the key leads to is not given to that person.
 */
@Component
class PersonMatching {

    /**
     * Creates {@code matchTable}, in person order (see the loaders' inserts), from the staged records selected by {@code filter}: their key,
     * name, birth date and {@code carried} columns, the person found (if exactly one), the reason
     * when none is accepted, and {@code accepted} evaluated over those columns as accepted_id.
     */
    void match(ImportSession session, String staged, String filter, String matchTable, String periodStart,
            String periodEnd, String carried, String accepted) {
        // The staged records meet the qualifications as one join (the planner hashes a month's
        // receipts against the table, or probes its key index when the table is much larger):
        // probing it once per receipt took half of a month's match.
        session.execute("""
                create temp table %1$s on commit drop as
                with found as (
                    select s.record_no, min(q.person_id::text) as first_person, max(q.person_id::text) as last_person
                    from %5$s
                    join records.qualification q
                      on q.insurer_number = s.insurer_number and q.symbol = s.symbol and q.number = s.number
                     and q.branch = s.branch and q.valid_from <= %6$s and (q.valid_to is null or q.valid_to >= %3$s)
                    where %7$s
                    group by s.record_no
                )
                select x.*, %2$s as accepted_id from (
                    select s.record_no, s.insurer_number, s.symbol, s.number, s.branch, s.name, s.birth_date,
                           %3$s as service_date, %4$s, f.first_person::uuid as person_id,
                           case when f.record_no is null then 'no_qualification'
                                when f.first_person <> f.last_person then 'ambiguous'
                                when p.birth_date is distinct from s.birth_date then 'birth_date_differs'
                                -- Written as the person's name with one space, the usual case, needs no normalising.
                                when s.name not in (p.family_name || '　' || p.given_name,
                                                    p.family_name_kana || '　' || p.given_name_kana)
                                 and records.name_key(s.name) is distinct from records.name_key(p.family_name || p.given_name)
                                 and records.name_key(s.name) is distinct from records.name_key(p.family_name_kana || p.given_name_kana)
                                    then 'name_differs'
                           end as reason
                    from %5$s
                    left join found f on f.record_no = s.record_no
                    left join records.person p on p.person_id = f.first_person::uuid and f.first_person = f.last_person
                    where %7$s
                ) x
                order by x.person_id, x.record_no
                """.formatted(matchTable, accepted, periodStart, carried, staged, periodEnd, filter));
        session.execute("analyze " + matchTable);
    }

    /** Keeps what matched nobody (or the wrong person) apart, with its reason; returns how many. */
    long keepUnmatched(ImportSession session, String matchTable, String kind, String condition, String content) {
        return session.jdbc().sql("""
                insert into records.unmatched (file_hash, record_number, kind, reason, insurer_number, symbol, number, branch,
                                               name, birth_date, service_date, content)
                select :hash, record_no, :kind, reason, insurer_number, symbol, number, branch, name, birth_date,
                       service_date, %s
                from %s where reason is not null and %s
                """.formatted(content, matchTable, condition)).param("hash", session.fileHash()).param("kind", kind).update();
    }
}
