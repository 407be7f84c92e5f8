package jp.mynahealth.idp.apps;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * Whose data a logged-in person may let an app read: their own, all of it; and that of each person
 * they are a live proxy for (portal.proxy_grant), only the kinds the grant gives.
 */
@Repository
public class ConsentSubjects {

    /**
     * One person an app could be let read. {@code grantId} is empty for oneself.
     */
    public record Subject(PersonId person, String name, Optional<Long> grantId, Set<AppScope> allowed) {

        public boolean self() {
            return grantId.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConsentSubjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Oneself first, then the people one acts for, the eldest first. */
    public List<Subject> of(PersonId loggedIn) {
        List<Subject> subjects = new ArrayList<>();
        String ownName = jdbc.sql("select family_name || ' ' || given_name from records.person where person_id = :p")
                .param("p", loggedIn.value()).query(String.class).optional().orElse("");
        subjects.add(new Subject(loggedIn, ownName, Optional.empty(), EnumSet.allOf(AppScope.class)));
        subjects.addAll(jdbc.sql("""
                select g.grant_id, g.principal_id, p.family_name || ' ' || p.given_name as name, g.scopes
                from portal.proxy_grant g join records.person p on p.person_id = g.principal_id
                where g.proxy_id = :proxy and g.ended_at is null and g.valid_from <= :today and g.valid_until >= :today
                order by p.birth_date, g.grant_id
                """).param("proxy", loggedIn.value()).param("today", LocalDate.now(clock.withZone(ClockConfiguration.JAPAN)))
                .query((row, n) -> new Subject(new PersonId(row.getObject("principal_id", UUID.class)), row.getString("name"),
                        Optional.of(row.getLong("grant_id")), allowed(row.getArray("scopes"))))
                .list());
        return subjects;
    }

    /** The one the form names, if the logged-in person may consent for them. */
    public Optional<Subject> find(PersonId loggedIn, String personId) {
        return of(loggedIn).stream().filter(subject -> subject.person().toString().equals(personId)).findFirst();
    }

    private static Set<AppScope> allowed(Array kinds) throws SQLException {
        List<String> granted = Arrays.asList((String[]) kinds.getArray());
        Set<AppScope> allowed = EnumSet.noneOf(AppScope.class);
        for (AppScope scope : AppScope.values()) {
            if (granted.contains(scope.proxyKind())) {
                allowed.add(scope);
            }
        }
        return allowed;
    }
}
