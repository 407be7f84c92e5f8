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
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mynahealth.common.cardlogin.SignedData;

/**
 * Logs in to a running portal with a soft card, without a browser, and prints the portal session
 * cookie: {@code PortalSession <portal url> <card .p12> <pin>}. Used by the page benchmark.
 */
public final class PortalSession {

    private static final Pattern CHALLENGE = Pattern.compile("challenge=([A-Za-z0-9_-]+)");
    private static final Pattern ORIGIN = Pattern.compile("origin=(http[^&\"]+)");

    private PortalSession() {
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        KeyStore card = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            card.load(in, args[2].toCharArray());
        }
        PrivateKey key = (PrivateKey) card.getKey("auth", args[2].toCharArray());
        X509Certificate certificate = (X509Certificate) card.getCertificate("auth");
        System.out.println(logIn(portal, key, certificate));
    }

    /**
     * Plays a browser through the card login (portal → idp → signed challenge → code → tokens) and
     * returns the portal's session cookie as {@code name=value}.
     */
    static String logIn(String portal, PrivateKey key, X509Certificate certificate) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = location(get(browser, portal + "/oauth2/authorization/myna"));
        String loginPage = location(get(browser, authorize));
        String page = get(browser, loginPage).body();
        Matcher challenge = CHALLENGE.matcher(page);
        Matcher origin = ORIGIN.matcher(page);
        if (!challenge.find() || !origin.find()) {
            throw new IllegalStateException("no challenge on the login page");
        }
        String idp = origin.group(1);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(SignedData.of(idp, challenge.group(1)));
        String token = "{\"format\":\"myna-auth:1\",\"certificate\":\"" + Base64.getEncoder().encodeToString(certificate.getEncoded())
                + "\",\"algorithm\":\"RS256\",\"signature\":\"" + Base64.getEncoder().encodeToString(signer.sign())
                + "\",\"signerVersion\":\"bench\"}";
        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create(idp + "/login/card/callback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("challenge=" + challenge.group(1) + "&auth_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
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

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect from " + response.uri() + " but got HTTP " + response.statusCode()));
    }
}
