package jp.mynahealth.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mynahealth.common.cardlogin.SignedData;

/**
 * Logs in to a running portal with soft cards, without a browser, and prints each portal session
 * cookie on its own line: {@code PortalSession <portal url> <pin> <card .p12>…} (the older form
 * {@code PortalSession <portal url> <card .p12> <pin>} logs in one card). Used by the page
 * benchmarks, which log in hundreds of citizens through the real card flow.
 */
public final class PortalSession {

    private static final Pattern CHALLENGE = Pattern.compile("challenge=([A-Za-z0-9_-]+)");
    private static final Pattern ORIGIN = Pattern.compile("origin=(http[^&\"]+)");

    private PortalSession() {
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        if (args.length == 3 && args[2].matches("\\d{4}")) {
            System.out.println(logIn(portal, Path.of(args[1]), args[2]));
            return;
        }
        String pin = args[1];
        List<Path> cards = Arrays.stream(args).skip(2).map(Path::of).toList();
        // A few logins at a time: the idp checks each card's OCSP status, and the order of the output is the cards'.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sessions = new ArrayList<>();
            for (Path card : cards) {
                sessions.add(pool.submit(() -> logIn(portal, card, pin)));
            }
            for (Future<String> session : sessions) {
                System.out.println(session.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A soft card's authentication key and certificate. */
    record SoftCard(PrivateKey key, X509Certificate certificate) {

        static SoftCard load(Path file, String pin) throws Exception {
            KeyStore card = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                card.load(in, pin.toCharArray());
            }
            return new SoftCard((PrivateKey) card.getKey("auth", pin.toCharArray()), (X509Certificate) card.getCertificate("auth"));
        }
    }

    static String logIn(String portal, Path cardFile, String pin) throws Exception {
        SoftCard card = SoftCard.load(cardFile, pin);
        return logIn(portal, card.key(), card.certificate());
    }

    /**
     * Plays a browser through the card login (portal → idp → signed challenge → code → tokens) and
     * returns the portal's session cookie as {@code name=value}.
     */
    static String logIn(String portal, PrivateKey key, X509Certificate certificate) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = location(get(browser, portal + "/oauth2/authorization/myna"));
        HttpResponse<String> callback = signIn(browser, location(get(browser, authorize)), new SoftCard(key, certificate));
        // The callback checks the card and sends the browser on to complete the login with its session cookie.
        String authorization = location(get(browser, location(callback)));
        String code = location(get(browser, authorization));
        get(browser, code);
        for (HttpCookie cookie : cookies.getCookieStore().get(URI.create(portal))) {
            if (cookie.getName().equals("MYNA_PORTAL_SESSION")) {
                return cookie.getName() + "=" + cookie.getValue();
            }
        }
        throw new IllegalStateException("no portal session after the login");
    }

    /**
     * On the idp's login page: signs its challenge with the card, as the signer does, and posts the
     * signed token to the idp's callback; returns the callback's answer (a redirect on success).
     */
    static HttpResponse<String> signIn(HttpClient browser, String loginPage, SoftCard card) throws Exception {
        String page = get(browser, loginPage).body();
        Matcher challenge = CHALLENGE.matcher(page);
        Matcher origin = ORIGIN.matcher(page);
        if (!challenge.find() || !origin.find()) {
            throw new IllegalStateException("no challenge on the login page");
        }
        String idp = origin.group(1);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(card.key());
        signer.update(SignedData.of(idp, challenge.group(1)));
        String token = "{\"format\":\"myna-auth:1\",\"certificate\":\"" + Base64.getEncoder().encodeToString(card.certificate().getEncoded())
                + "\",\"algorithm\":\"RS256\",\"signature\":\"" + Base64.getEncoder().encodeToString(signer.sign())
                + "\",\"signerVersion\":\"bench\"}";
        return browser.send(HttpRequest.newBuilder(URI.create(idp + "/login/card/callback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("challenge=" + challenge.group(1) + "&auth_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect from " + response.uri() + " but got HTTP " + response.statusCode()));
    }
}
