package jp.mynahealth.common.database;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store is and who logs in for what: the running portal and idp ({@code runtime}), the
 * importer, and — for the embedded server, whose owner password only the app knows — the owner
 * that migrates. For an external server the migration login is Spring Boot's
 * {@code spring.flyway.user}/{@code password}, and {@code migration} is empty.
 */
record DatabaseLogins(String url, DatabaseLogin runtime, DatabaseLogin importer, Optional<DatabaseLogin> migration) {

    /** Role names go into the grants of the migrations: plain SQL identifiers only. */
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    DatabaseLogins {
        for (DatabaseLogin login : new DatabaseLogin[] { runtime, importer }) {
            if (!ROLE_NAME.matcher(login.username()).matches()) {
                throw new IllegalStateException("The database login '" + login.username()
                        + "' is not a plain role name (letters, digits, _ and $, not starting with a digit)");
            }
        }
    }
}
