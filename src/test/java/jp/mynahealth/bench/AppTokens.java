package jp.mynahealth.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Connects an app for many citizens, without a browser, and prints each access token on its own line
 * as an Authorization header value ({@code Bearer …}): {@code AppTokens <idp url> <client id> <secret>
 * <redirect uri> <scope> <pin> <card .p12>…}. Each goes through the real flow: the authorization
 * request with PKCE, the card login (a signed challenge), the consent page's form (the kinds asked,
 * 30 days), and the app's token request. Used by the API benchmark.
 */
public final class AppTokens {

    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private AppTokens() {
    }

    public static void main(String[] args) throws Exception {
        String idp = args[0];
        String client = args[1];
        String secret = args[2];
        String redirect = args[3];
        String scope = args[4];
        String pin = args[5];
        List<Path> cards = Arrays.stream(args).skip(6).map(Path::of).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (Path card : cards) {
                tokens.add(pool.submit(() -> connect(idp, client, secret, redirect, scope, card, pin)));
            }
            for (Future<String> token : tokens) {
                System.out.println("Bearer " + token.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    static String connect(String idp, String client, String secret, String redirect, String scope, Path cardFile, String pin)
            throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challengeHash = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = idp + "/oauth2/authorize?response_type=code&client_id=" + encode(client) + "&redirect_uri="
                + encode(redirect) + "&scope=" + encode(scope) + "&state=bench&code_challenge=" + challengeHash
                + "&code_challenge_method=S256";
        HttpResponse<String> callback = PortalSession.signIn(browser, location(get(browser, authorize)),
                PortalSession.SoftCard.load(cardFile, pin));
        // Back to the authorization request, which now sends the citizen to the consent page.
        String again = location(get(browser, location(callback)));
        String consentUrl = location(get(browser, again));
        HttpResponse<String> consent = get(browser, consentUrl.startsWith("http") ? consentUrl : idp + consentUrl);
        Matcher state = STATE.matcher(consent.body());
        if (!state.find()) {
            throw new IllegalStateException("no consent page (HTTP " + consent.statusCode() + ")");
        }
        StringBuilder form = new StringBuilder("client_id=" + encode(client) + "&state=" + encode(unescape(state.group(1)))
                + "&duration=30");
        Matcher csrf = CSRF.matcher(consent.body());
        if (csrf.find()) {
            form.append("&_csrf=").append(encode(unescape(csrf.group(1))));
        }
        for (String kind : scope.split(" ")) {
            form.append("&scope=").append(encode(kind));
        }
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String query = URI.create(location(back)).getRawQuery();
        String code = Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("code=")).findFirst()
                .map(pair -> URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("no code: " + query));
        HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code) + "&redirect_uri="
                        + encode(redirect) + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("token request refused: " + tokens.body());
        }
        return (String) new ObjectMapper().readValue(tokens.body(), java.util.Map.class).get("access_token");
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return PortalSession.get(browser, url);
    }

    /** Where a redirect leads, as an absolute address (the idp's consent redirect is relative). */
    private static String location(HttpResponse<String> response) {
        return response.uri().resolve(PortalSession.location(response)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
