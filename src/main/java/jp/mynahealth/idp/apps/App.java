package jp.mynahealth.idp.apps;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mynahealth.common.apps.AppScope;

/**
 * A third-party app registered as an OAuth client (idp.app): shown to citizens by {@code name} and
 * {@code operator}; a confidential client has a secret (only its hash is kept), a public one none.
 */
public record App(String appId, String name, String operator, List<String> redirectUris, Set<AppScope> scopes,
        Optional<String> secretHash) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");

    public App {
        if (appId == null || !ID.matcher(appId).matches() || appId.equals("portal") || appId.startsWith("myna-")) {
            throw new IllegalArgumentException("An app id is 3 to 63 lower-case letters, digits and hyphens, "
                    + "not 'portal' nor beginning with 'myna-': " + appId);
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("The app's name (shown to citizens) is needed, at most 100 characters");
        }
        if (operator == null || operator.isBlank() || operator.length() > 200) {
            throw new IllegalArgumentException("The app's operator (who runs it) is needed, at most 200 characters");
        }
        if (redirectUris == null || redirectUris.isEmpty() || redirectUris.size() > 10) {
            throw new IllegalArgumentException("An app has 1 to 10 redirect URIs");
        }
        redirectUris.forEach(App::checkRedirectUri);
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("An app may ask for at least one kind of data");
        }
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
    }

    public boolean confidential() {
        return secretHash.isPresent();
    }

    /**
     * Exact, absolute URIs without a fragment: https, or http on the loopback address only (a demo or
     * a native app on the citizen's own computer), as RFC 9700 asks.
     */
    private static void checkRedirectUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Not a URI: " + value);
        }
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
        if (!uri.isAbsolute() || uri.getFragment() != null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("A redirect URI is https (or http on localhost), absolute, without a fragment: "
                    + value);
        }
    }
}
