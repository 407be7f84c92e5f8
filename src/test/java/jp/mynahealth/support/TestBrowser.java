package jp.mynahealth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen: its own cookies, redirects followed one by one, and the card login as
 * the citizen makes it — the portal's login button, the idp's login page, the signer's PIN page
 * (card and PIN), and the signer's form posted back to the idp.
 */
public final class TestBrowser {

    private static final Pattern SIGNER_LINK = Pattern.compile("href=\"[^\"]*/v1/authenticate\\?([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"auth-response\" method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"");
    private static final Pattern AUTH_TOKEN = Pattern.compile("name=\"auth_token\" value=\"([^\"]+)\"");

    /** The idp's login page: its challenge and the query of its link to the signer. */
    public record LoginPage(String challenge, String signerQuery) {
    }

    /** What the signer's page posts back to the site: the challenge and the signed auth token. */
    public record SignedForm(String action, String challenge, String authToken) {

        public String body() {
            return "challenge=" + encode(challenge) + "&auth_token=" + encode(authToken);
        }
    }

    /** A finished login: the form that made it, and the page it ended on. */
    public record Login(SignedForm form, HttpResponse<String> page) {
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public HttpResponse<String> post(String url, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), headers);
    }

    public HttpResponse<String> send(String method, String url, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form)), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where a redirect leads, as an absolute address. */
    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "expected a redirect from " + response.uri() + " but got HTTP " + response.statusCode()));
        return response.uri().resolve(location).toString();
    }

    /** Follows redirects with GETs, as a browser does, to the first answer that is not one. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("more than 10 redirects from " + response.uri());
            }
            current = get(location(current));
        }
        return current;
    }

    public Optional<String> cookie(String origin, String name) {
        return cookies.getCookieStore().get(URI.create(origin)).stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Presses the portal's login button and lands on the idp's login page. */
    public LoginPage openLoginPage(String portal) {
        return openLoginPageFrom(portal + "/oauth2/authorization/myna");
    }

    /** Follows an address that leads to the idp's login page (the portal's login button, an authorization request). */
    public LoginPage openLoginPageFrom(String url) {
        HttpResponse<String> page = follow(get(url));
        Matcher link = SIGNER_LINK.matcher(page.body());
        if (page.statusCode() != 200 || !link.find()) {
            throw new AssertionError("no link to the signer on " + page.uri() + " (HTTP " + page.statusCode() + ")");
        }
        String query = unescape(link.group(1));
        return new LoginPage(query(query).get("challenge"), query);
    }

    /** Opens the login page's link on the given signer, chooses the card and types the PIN; returns the signer's form. */
    public SignedForm sign(String signer, LoginPage page, String card, String pin) {
        HttpResponse<String> pinPage = get(signer + "/v1/authenticate?" + page.signerQuery());
        Matcher csrf = CSRF.matcher(pinPage.body());
        if (pinPage.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("the signer did not ask for the PIN (HTTP " + pinPage.statusCode() + ")");
        }
        Map<String, String> request = query(page.signerQuery());
        HttpResponse<String> answer = post(signer + "/v1/authenticate", "_csrf=" + encode(unescape(csrf.group(1)))
                + "&challenge=" + encode(request.get("challenge")) + "&origin=" + encode(request.get("origin"))
                + "&return_to=" + encode(request.get("return_to")) + "&lang=" + encode(request.get("lang"))
                + "&card=" + encode(card) + "&pin=" + encode(pin) + "&action=sign");
        Matcher action = FORM_ACTION.matcher(answer.body());
        Matcher challenge = CHALLENGE.matcher(answer.body());
        Matcher token = AUTH_TOKEN.matcher(answer.body());
        if (!action.find() || !challenge.find() || !token.find()) {
            throw new AssertionError("the signer did not sign (HTTP " + answer.statusCode() + ")");
        }
        return new SignedForm(unescape(action.group(1)), unescape(challenge.group(1)), unescape(token.group(1)));
    }

    /** Posts the signer's form to the idp, as the signer's page does by itself. */
    public HttpResponse<String> submit(SignedForm form) {
        return post(form.action(), form.body());
    }

    /** The whole card login through the given signer, ending on the page the portal shows after it. */
    public Login logIn(String portal, String signer, String card, String pin) {
        SignedForm form = sign(signer, openLoginPage(portal), card, pin);
        return new Login(form, follow(submit(form)));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
