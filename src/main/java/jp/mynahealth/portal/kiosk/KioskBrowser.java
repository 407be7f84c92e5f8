package jp.mynahealth.portal.kiosk;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Marks a browser as a kiosk's once it has shown the start screen, so that a personal page asked
 * for without a session (Back, history, a typed address after the session ended) leads to the start
 * screen rather than to a login. It is a convenience, not a credential: whether a session is a kiosk
 * session is decided by the idp's verified terminal statement only.
 */
public final class KioskBrowser {

    static final String COOKIE = "MYNA_KIOSK";

    private KioskBrowser() {
    }

    public static boolean isKiosk(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> COOKIE.equals(cookie.getName()));
    }

    static void mark(HttpServletResponse response, boolean secure) {
        Cookie cookie = new Cookie(COOKIE, "1");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
