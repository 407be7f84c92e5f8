package jp.mynahealth.signer.authenticate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A site's request to sign a login challenge, checked: the origin is a bare http(s) origin, the
 * return address belongs to that same origin, and the challenge is base64url of sensible length.
 */
record AuthRequest(String challenge, String origin, String returnTo, String lang, String pair) {

    /** The one pair a site may ask for: a parent's card, then their child's, over the same challenge. */
    static final String CHILD = "child";

    /** Why a request was refused; the page says it politely, the log says which. */
    static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason);
        }
    }

    static AuthRequest of(String challenge, String origin, String returnTo, String lang) {
        return of(challenge, origin, returnTo, lang, null);
    }

    static AuthRequest of(String challenge, String origin, String returnTo, String lang, String pair) {
        if (pair != null && !pair.equals(CHILD)) {
            throw new Invalid("pair is not one the signer knows: " + pair);
        }
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new Invalid("challenge missing or malformed");
        }
        URI originUri = uri(origin, "origin");
        if (originUri.getRawPath() != null && !originUri.getRawPath().isEmpty() || originUri.getRawQuery() != null
                || originUri.getRawFragment() != null || originUri.getRawUserInfo() != null) {
            throw new Invalid("origin is not a bare origin: " + origin);
        }
        URI returnUri = uri(returnTo, "return_to");
        if (!originOf(returnUri).equals(originOf(originUri))) {
            throw new Invalid("return_to " + returnTo + " is not on the origin " + origin);
        }
        return new AuthRequest(challenge, origin, returnTo, "en".equals(lang) ? "en" : "ja", pair);
    }

    /** The query of the GET address that shows this request's screen, each value percent-encoded in full. */
    String screenQuery() {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance()
                .queryParam("challenge", "{challenge}").queryParam("origin", "{origin}")
                .queryParam("return_to", "{returnTo}").queryParam("lang", "{lang}");
        if (pair != null) {
            query.queryParam("pair", "{pair}");
        }
        return query.encode().buildAndExpand(pair == null ? new Object[] { challenge, origin, returnTo, lang }
                : new Object[] { challenge, origin, returnTo, lang, pair }).getQuery();
    }

    /** Where the browser goes after Cancel. */
    String cancelUrl() {
        return returnTo + (returnTo.contains("?") ? "&" : "?") + "error=cancelled";
    }

    private static URI uri(String text, String name) {
        if (text == null || text.length() > 2048) {
            throw new Invalid(name + " missing or too long");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new Invalid(name + " is not an http(s) address: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Invalid(name + " is not an address: " + text);
        }
    }

    private static String originOf(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
