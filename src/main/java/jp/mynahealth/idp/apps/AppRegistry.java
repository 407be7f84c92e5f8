package jp.mynahealth.idp.apps;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.apps.AppScope;

/** The registered apps (idp.app): registered or changed by an operator, retired, and looked up by id. */
@Repository
public class AppRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AppRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An app in service; a retired app is no client at all. */
    public Optional<App> find(String appId) {
        return jdbc.sql("""
                select app_id, name, operator, redirect_uris, scopes, secret_hash from idp.app
                where app_id = :id and retired_at is null
                """).param("id", appId).query(AppRegistry::app).optional();
    }

    /** Registers the app, or changes it when its id is taken (its consents stay). Returns true when new. */
    public boolean register(App app) {
        int changed = jdbc.sql("""
                update idp.app set name = :name, operator = :operator, redirect_uris = :uris, scopes = :scopes,
                                   secret_hash = :secret, retired_at = null
                where app_id = :id
                """).params(parameters(app)).update();
        if (changed > 0) {
            return false;
        }
        jdbc.sql("""
                insert into idp.app (app_id, name, operator, redirect_uris, scopes, secret_hash, registered_at)
                values (:id, :name, :operator, :uris, :scopes, :secret, :now)
                """).params(parameters(app)).param("now", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** Retires the app: no new consent, and every call with its tokens is refused from now on. */
    public boolean retire(String appId) {
        return jdbc.sql("update idp.app set retired_at = :now where app_id = :id and retired_at is null")
                .param("id", appId).param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    private static Map<String, Object> parameters(App app) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", app.appId());
        parameters.put("name", app.name());
        parameters.put("operator", app.operator());
        parameters.put("uris", app.redirectUris().toArray(String[]::new));
        parameters.put("scopes", app.scopes().stream().map(AppScope::code).sorted().toArray(String[]::new));
        parameters.put("secret", app.secretHash().orElse(null));
        return parameters;
    }

    private static App app(ResultSet row, int n) throws SQLException {
        String secret = row.getString("secret_hash");
        return new App(row.getString("app_id"), row.getString("name"), row.getString("operator"),
                List.of(strings(row.getArray("redirect_uris"))), scopes(row.getArray("scopes")),
                Optional.ofNullable(secret));
    }

    static Set<AppScope> scopes(Array array) throws SQLException {
        Set<AppScope> scopes = EnumSet.noneOf(AppScope.class);
        Arrays.stream(strings(array)).map(AppScope::of).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    static String codes(Set<AppScope> scopes) {
        return scopes.stream().map(AppScope::code).sorted().collect(Collectors.joining(" "));
    }
}
