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
     * Creates {@code matchTable} from the staged records selected by {@code filter}: their key,
     * name, birth date and {@code carried} columns, the person found (if exactly one), the reason
     * when none is accepted, and {@code accepted} evaluated over those columns as accepted_id.
     */
    void match(ImportSession session, String staged, String filter, String matchTable, String periodStart,
            String periodEnd, String carried, String accepted) {
        session.execute("""
                create temp table %s on commit drop as
                select x.*, %s as accepted_id from (
                    select s.record_no, s.insurer_number, s.symbol, s.number, s.branch, s.name, s.birth_date,
                           %s as service_date, %s, m.person_id,
                           case when m.candidates = 0 then 'no_qualification'
                                when m.candidates > 1 then 'ambiguous'
                                when p.birth_date is distinct from s.birth_date then 'birth_date_differs'
                                -- Written as the person's name with one space, the usual case, needs no normalising.
                                when s.name not in (p.family_name || '　' || p.given_name,
                                                    p.family_name_kana || '　' || p.given_name_kana)
                                 and records.name_key(s.name) is distinct from records.name_key(p.family_name || p.given_name)
                                 and records.name_key(s.name) is distinct from records.name_key(p.family_name_kana || p.given_name_kana)
                                    then 'name_differs'
                           end as reason
                    from %s
                    cross join lateral (
                        select min(q.person_id::text)::uuid as person_id, count(distinct q.person_id) as candidates
                        from records.qualification q
                        where q.insurer_number = s.insurer_number and q.symbol = s.symbol and q.number = s.number
                          and q.branch = s.branch and q.valid_from <= %s and (q.valid_to is null or q.valid_to >= %s)
                    ) m
                    left join records.person p on p.person_id = m.person_id
                    where %s
                ) x
                """.formatted(matchTable, accepted, periodStart, carried, staged, periodEnd, periodStart, filter));
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
