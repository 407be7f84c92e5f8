package jp.mynahealth.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/**
 * A person's dispensed drugs (薬剤情報) from both sources, claims and e-prescription dispensings
 * (src/docs/e-prescriptions.md): filtered, keyset-paged lists and possible duplicate prescriptions.
 * An e-prescription dispensing a claim line also records (same day, pharmacy and drug) is left out:
 * the claim line stands for it. E-prescriptions older than {@link EPrescriptions#KEPT_DAYS} days
 * are never read.
 */
@Repository
public class DispensingRepository {

    private static final String CLAIM_NAME_MATCHES = String.format(TextSearch.SQL_NAME_MATCHES, "d.drug_name", ":name");
    private static final String FRESH_NAME_MATCHES = String.format(TextSearch.SQL_NAME_MATCHES, "e.drug_name", ":name");

    /** The same dispensing in the claims: it is shown from there. */
    private static final String KNOWN_FROM_CLAIMS = """
            exists (select 1 from records.dispensing c
                    where c.person_id = :person and c.dispensed_on = e.happened_on
                      and c.dispenser_code = e.institution_code and c.drug_code = e.drug_code)""";

    /**
     * Both sources in one statement (the list is the portal's busiest page: one round trip, as
     * before). Each branch reads at most a page from its person-first index, with its own keyset
     * bound; the outer query merges the two pages, then looks up names, and prices only for the
     * brand drugs and copay rates only where a cheaper generic exists.
     */
    private static final String FIND = """
            with newest as (
                (select 1 as source, d.dispensing_id as line_id, d.dispensed_on, d.dispenser_code, d.prescriber_code,
                        d.drug_code, d.drug_name, d.generic, d.quantity, d.unit, d.usage, d.days, d.category
                 from records.dispensing d
                 where d.person_id = :person
                   and d.dispensed_on >= :from and d.dispensed_on <= :to
                   and (cast(:institution as text) is null or d.dispenser_code = :institution)
                   and (cast(:name as text) is null or %1$s)
                   and (d.dispensed_on, d.dispensing_id) < (:afterDate, :claimAfterId)
                 order by d.dispensed_on desc, d.dispensing_id desc
                 limit :limit)
                union all
                (select 2, e.line_id, e.happened_on, e.institution_code, e.prescriber_code, e.drug_code, e.drug_name,
                        e.generic, e.quantity, e.unit, e.usage, e.days, e.category
                 from records.e_prescription e
                 where e.person_id = :person and e.kind = 'dispensed'
                   and e.happened_on >= :freshFrom and e.happened_on <= :to
                   and (cast(:institution as text) is null or e.institution_code = :institution)
                   and (cast(:name as text) is null or %2$s)
                   and (e.happened_on, e.line_id) < (:afterDate, :freshAfterId)
                   and not %3$s
                 order by e.happened_on desc, e.line_id desc
                 limit :limit)
                order by dispensed_on desc, source desc, line_id desc
                limit :limit
            )
            select l.source, l.line_id, l.dispensed_on, l.dispenser_code, dispenser.name as dispenser_name,
                   prescriber.name as prescriber_name, l.drug_code, l.drug_name, l.generic, l.quantity, l.unit,
                   l.usage, l.days, l.category, alternative.price, alternative.generic_price, copay.copay_percent
            from newest l
            join records.institution dispenser on dispenser.institution_code = l.dispenser_code
            left join records.institution prescriber on prescriber.institution_code = l.prescriber_code
            left join lateral (
                select own.price, (select min(g.price) from records.drug_master g
                                   where left(g.yj_code, 9) = left(l.drug_code, 9) and g.generic
                                     and g.price < own.price) as generic_price
                from records.drug_master own
                where not l.generic and own.yj_code = l.drug_code and own.price is not null
                order by own.price desc
                limit 1
            ) alternative on true
            left join lateral (
                select q.copay_percent from records.qualification q
                where alternative.generic_price is not null and q.person_id = :person
                  and q.valid_from <= l.dispensed_on and (q.valid_to is null or q.valid_to >= l.dispensed_on)
                order by q.valid_from desc
                limit 1
            ) copay on true
            order by l.dispensed_on desc, l.source desc, l.line_id desc
            """.formatted(CLAIM_NAME_MATCHES, FRESH_NAME_MATCHES, KNOWN_FROM_CLAIMS);

    private final ReadStore store;
    private final Clock clock;

    DispensingRepository(ReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Newest first; {@code after} continues after the last line of the previous page. */
    public DispensingPage find(PersonId person, DispensingFilter filter, DispensingPage.Cursor after, int size) {
        LocalDate from = filter.from() == null ? LocalDate.of(1900, 1, 1) : filter.from();
        LocalDate freshFrom = EPrescriptions.oldestShown(LocalDate.now(clock));
        List<Dispensing> rows = store.jdbc().sql(FIND)
                .param("person", person.value())
                .param("from", from)
                .param("freshFrom", from.isAfter(freshFrom) ? from : freshFrom)
                .param("to", filter.to() == null ? LocalDate.of(9999, 12, 31) : filter.to())
                .param("institution", filter.institutionCode())
                .param("name", filter.drugName() == null ? null : TextSearch.containsRegex(TextSearch.fold(filter.drugName())))
                .param("afterDate", after == null ? LocalDate.of(9999, 12, 31) : after.dispensedOn())
                .param("claimAfterId", bound(after, Dispensing.Source.CLAIM))
                .param("freshAfterId", bound(after, Dispensing.Source.E_PRESCRIPTION))
                .param("limit", size + 1)
                .query(DispensingRepository::line)
                .list();
        if (rows.size() <= size) {
            return new DispensingPage(rows, null);
        }
        List<Dispensing> page = rows.subList(0, size);
        Dispensing last = page.get(size - 1);
        return new DispensingPage(List.copyOf(page), new DispensingPage.Cursor(last.dispensedOn(), last.source(), last.id()));
    }

    /**
     * A source's own keyset bound on the cursor's day: its ids below the cursor's if the cursor is
     * its own line, all of them if its lines come after the cursor's source on that day, none if before.
     */
    static long bound(DispensingPage.Cursor after, Dispensing.Source source) {
        if (after == null || after.source().rank() > source.rank()) {
            return Long.MAX_VALUE;
        }
        return after.source() == source ? after.id() : Long.MIN_VALUE;
    }

    /** The institutions that dispensed to the person, for the filter's choice. */
    public List<Institution> dispensers(PersonId person, LocalDate since) {
        LocalDate freshFrom = EPrescriptions.oldestShown(LocalDate.now(clock));
        return store.jdbc().sql("""
                select i.institution_code, i.name, i.kind
                from records.institution i
                where i.institution_code in (select d.dispenser_code from records.dispensing d
                                             where d.person_id = :person and d.dispensed_on >= :since
                                             union all
                                             select e.institution_code from records.e_prescription e
                                             where e.person_id = :person and e.kind = 'dispensed'
                                               and e.happened_on >= :freshFrom)
                order by i.name
                """)
                .param("person", person.value()).param("since", since).param("freshFrom", freshFrom)
                .query((row, n) -> new Institution(row.getString("institution_code"), row.getString("name"),
                        row.getString("kind")))
                .list();
    }

    /**
     * Pairs of lines with the same ingredient (the YJ code's first 7 characters) prescribed by two
     * different institutions whose supplies overlap in time, within the period: claim lines and the
     * e-prescription dispensings no claim line records yet, so a duplicate shows the day it happens.
     * <p>
     * Only ingredients that more than one institution prescribed are paired: most people have
     * none, and the pairing compares every line with every other line of its ingredient. Joining
     * all the person's lines instead cost milliseconds per page once PostgreSQL switched the
     * prepared statement to its generic plan, which expects one line and loops over all pairs.
     */
    public List<DuplicateDispensing> duplicates(PersonId person, LocalDate from, LocalDate to) {
        LocalDate freshFrom = EPrescriptions.oldestShown(LocalDate.now(clock));
        return store.jdbc().sql("""
                with both_sources as (
                    select 1 as source, d.dispensing_id as line_id, d.dispensed_on, d.days, d.prescriber_code, d.drug_name,
                           d.drug_code
                    from records.dispensing d
                    where d.person_id = :person
                      and d.category in ('内服', '注射') and d.prescriber_code is not null
                      and d.dispensed_on >= :from - 365 and d.dispensed_on <= :to
                    union all
                    select 2, e.line_id, e.happened_on, e.days, e.prescriber_code, e.drug_name, e.drug_code
                    from records.e_prescription e
                    where e.person_id = :person and e.kind = 'dispensed'
                      and e.category in ('内服', '注射') and e.prescriber_code is not null
                      and e.happened_on >= greatest(:from - 365, :freshFrom) and e.happened_on <= :to
                      and not %s
                ),
                lines as (
                    select source, line_id, dispensed_on, supplied_to, prescriber_code, drug_name, ingredient
                    from (select l.source, l.line_id, l.dispensed_on, l.dispensed_on + l.days - 1 as supplied_to,
                                 l.prescriber_code, l.drug_name, substr(l.drug_code, 1, 7) as ingredient,
                                 min(l.prescriber_code) over same_ingredient
                                     <> max(l.prescriber_code) over same_ingredient as several_prescribers
                          from both_sources l
                          window same_ingredient as (partition by substr(l.drug_code, 1, 7))) line
                    where several_prescribers
                )
                select a.ingredient,
                       a.drug_name as first_drug, pa.name as first_prescriber, a.dispensed_on as first_from,
                       a.supplied_to as first_to,
                       b.drug_name as second_drug, pb.name as second_prescriber, b.dispensed_on as second_from,
                       b.supplied_to as second_to
                from lines a
                join lines b
                  on b.ingredient = a.ingredient
                 and b.prescriber_code <> a.prescriber_code
                 and (b.dispensed_on, b.source, b.line_id) > (a.dispensed_on, a.source, a.line_id)
                 and b.dispensed_on <= a.supplied_to
                join records.institution pa on pa.institution_code = a.prescriber_code
                join records.institution pb on pb.institution_code = b.prescriber_code
                where b.dispensed_on >= :from
                order by b.dispensed_on desc, a.dispensed_on desc
                """.formatted(KNOWN_FROM_CLAIMS))
                .param("person", person.value()).param("from", from).param("to", to).param("freshFrom", freshFrom)
                .query((row, n) -> new DuplicateDispensing(row.getString("ingredient"), row.getString("first_drug"),
                        row.getString("first_prescriber"), row.getObject("first_from", LocalDate.class),
                        row.getObject("first_to", LocalDate.class), row.getString("second_drug"),
                        row.getString("second_prescriber"), row.getObject("second_from", LocalDate.class),
                        row.getObject("second_to", LocalDate.class)))
                .list();
    }

    private static Dispensing line(ResultSet row, int n) throws SQLException {
        BigDecimal genericPrice = row.getBigDecimal("generic_price");
        return new Dispensing(Dispensing.Source.ofRank(row.getInt("source")), row.getLong("line_id"),
                row.getObject("dispensed_on", LocalDate.class), row.getString("dispenser_code"),
                row.getString("dispenser_name"), row.getString("prescriber_name"), row.getString("drug_code"),
                row.getString("drug_name"), row.getBoolean("generic"), row.getBigDecimal("quantity"), row.getString("unit"),
                row.getString("usage"), row.getInt("days"), row.getString("category"),
                // A brand drug with a cheaper generic but no qualification that day (none is shown) has no rate to estimate at.
                genericPrice == null || row.getObject("copay_percent") == null ? null
                        : new CheaperGeneric(row.getBigDecimal("price"), genericPrice, row.getInt("copay_percent")));
    }
}
