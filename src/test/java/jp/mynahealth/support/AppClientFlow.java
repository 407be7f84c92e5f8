package jp.mynahealth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An app's side of the authorization code flow with PKCE, driven by a {@link TestBrowser} as a citizen
 * would: the authorization request, the card login, the consent page and its form, then the app's own
 * token request and API calls with plain HTTP.
 */
public final class AppClientFlow {

    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String idp;
    private final String clientId;
    private final String secret;
    private final String redirectUri;
    private final String verifier;

    public AppClientFlow(String idp, String clientId, String secret, String redirectUri) {
        this.idp = idp;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public String clientId() {
        return clientId;
    }

    /** The authorization request as the app sends the citizen's browser to it (PKCE S256). */
    public String authorizationUrl(String scopes) {
        return idp + "/oauth2/authorize?response_type=code&client_id=" + TestBrowser.encode(clientId)
                + "&redirect_uri=" + TestBrowser.encode(redirectUri) + "&scope=" + TestBrowser.encode(scopes)
                + "&state=app-state-1&code_challenge=" + challenge() + "&code_challenge_method=S256";
    }

    /** Logs in with the card at the idp and lands on the consent page (or wherever the idp sends the browser). */
    public HttpResponse<String> logInAndOpenConsent(TestBrowser browser, String signer, String card, String pin, String scopes) {
        TestBrowser.SignedForm form = browser.sign(signer, browser.openLoginPageFrom(authorizationUrl(scopes)), card, pin);
        HttpResponse<String> current = browser.submit(form);
        for (int hops = 0; current.statusCode() / 100 == 3 && hops < 10; hops++) {
            String next = TestBrowser.location(current);
            if (next.startsWith(redirectUri)) {
                return current;
            }
            current = browser.get(next);
        }
        return current;
    }

    /**
     * The consent page for {@code subject}'s data: for someone who acts for family the idp first asks
     * whose data (a GET form); this answers it as the browser would. Any other page is returned as it is.
     */
    public HttpResponse<String> consentPageFor(TestBrowser browser, HttpResponse<String> page, String scopes, Object subject) {
        if (!page.body().contains("method=\"get\"")) {
            return page;
        }
        return browser.get(idp + "/oauth2/consent?client_id=" + TestBrowser.encode(clientId) + "&scope=" + TestBrowser.encode(scopes)
                + "&state=" + state(page) + "&subject=" + subject);
    }

    /** Posts the consent page's form with the given kinds ticked and duration; returns the idp's answer (a redirect to the app). */
    public HttpResponse<String> consent(TestBrowser browser, HttpResponse<String> page, List<String> scopes, String duration,
            String subject) {
        StringBuilder form = new StringBuilder("client_id=" + TestBrowser.encode(clientId) + "&state=" + state(page));
        Matcher csrf = CSRF.matcher(page.body());
        if (csrf.find()) {
            form.append("&_csrf=").append(TestBrowser.encode(unescape(csrf.group(1))));
        }
        scopes.forEach(scope -> form.append("&scope=").append(TestBrowser.encode(scope)));
        if (duration != null) {
            form.append("&duration=").append(duration);
        }
        if (subject != null) {
            form.append("&subject=").append(subject);
        }
        return browser.post(idp + "/oauth2/authorize", form.toString());
    }

    /** The code in the idp's redirect to the app, after checking the state came back. */
    public static String code(HttpResponse<String> redirect) {
        Map<String, String> query = query(URI.create(TestBrowser.location(redirect)).getRawQuery());
        assertThat(query).containsEntry("state", "app-state-1");
        return query.get("code");
    }

    /** The app's token request; the answer as JSON (or the error). */
    public Token exchange(String code) {
        return tokenRequest("grant_type=authorization_code&code=" + TestBrowser.encode(code) + "&redirect_uri="
                + TestBrowser.encode(redirectUri) + "&code_verifier=" + verifier);
    }

    public Token refresh(String refreshToken) {
        return tokenRequest("grant_type=refresh_token&refresh_token=" + TestBrowser.encode(refreshToken));
    }

    public record Token(int status, Map<String, Object> json) {
        public String accessToken() {
            return (String) json.get("access_token");
        }

        public String refreshToken() {
            return (String) json.get("refresh_token");
        }
    }

    private Token tokenRequest(String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + (secret == null ? "&client_id=" + clientId : "")));
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer = send(request.build());
        try {
            return new Token(answer.statusCode(), JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
            }));
        } catch (java.io.IOException e) {
            throw new AssertionError("the token endpoint did not answer JSON: " + answer.body(), e);
        }
    }

    /** An API call with the bearer token. */
    public static HttpResponse<byte[]> call(String url, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a JWT, unverified (the API verifies; a test only reads it). */
    public static Map<String, Object> claims(String jwt) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(HttpResponse<String> page) {
        Matcher state = STATE.matcher(page.body());
        if (!state.find()) {
            throw new AssertionError("no consent form on " + page.uri() + " (HTTP " + page.statusCode() + "): " + page.body());
        }
        return TestBrowser.encode(unescape(state.group(1)));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
