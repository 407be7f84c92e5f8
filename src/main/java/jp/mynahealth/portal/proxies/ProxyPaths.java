package jp.mynahealth.portal.proxies;

import java.util.Optional;

/**
 * What a proxy may reach while acting for someone, by address: the pages of the data kinds granted,
 * the way back and the switcher; card-use registration and the notices inbox only as a legal
 * representative. Everything else (the principal's history, anything new) answers 404 until it is
 * listed here: a new page is closed to proxies by default.
 */
final class ProxyPaths {

    /** What a request needs of the grant. */
    record Need(Optional<ProxyScope> scope, boolean legal, boolean open) {

        static final Need OPEN = new Need(Optional.empty(), false, true);
        static final Need CLOSED = new Need(Optional.empty(), false, false);

        static Need scope(ProxyScope scope) {
            return new Need(Optional.of(scope), false, false);
        }

        static Need legal(ProxyScope scope) {
            return new Need(Optional.of(scope), true, false);
        }

        boolean allows(ProxyGrant grant) {
            if (open) {
                return true;
            }
            return scope.isPresent() && grant.scopes().contains(scope.get()) && (!legal || grant.legal());
        }
    }

    private ProxyPaths() {
    }

    static Need need(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (path.equals("/") || path.equals("/dashboard") || path.equals("/logout") || path.equals("/error")
                || path.equals("/kiosk/alive") || path.startsWith("/proxies")) {
            return Need.OPEN;
        }
        if (path.equals("/notices") || path.startsWith("/notices/")) {
            // A parent sees a child's notices (a dose due, a card to renew); a chosen proxy's grant is narrower than them.
            return Need.legal(ProxyScope.VACCINATIONS);
        }
        if (path.equals("/insurance")) {
            return read ? Need.scope(ProxyScope.INSURANCE) : Need.CLOSED;
        }
        if (path.startsWith("/insurance/registration")) {
            // Registering or cancelling the card's use changes the principal's insurance: a parent may, a chosen proxy never.
            return read ? Need.scope(ProxyScope.INSURANCE) : Need.legal(ProxyScope.INSURANCE);
        }
        if (!read && !path.equals("/etax")) {
            return Need.CLOSED;
        }
        if (path.equals("/drugs")) {
            return Need.scope(ProxyScope.DRUGS);
        }
        if (path.equals("/checkups") || path.startsWith("/checkups/")) {
            return Need.scope(ProxyScope.CHECKUPS);
        }
        if (path.equals("/costs")) {
            return Need.scope(ProxyScope.COSTS);
        }
        if (path.equals("/etax") || path.startsWith("/etax/")) {
            return Need.scope(ProxyScope.ETAX);
        }
        if (path.equals("/vaccinations")) {
            return Need.scope(ProxyScope.VACCINATIONS);
        }
        if (path.equals("/care")) {
            return Need.scope(ProxyScope.CARE);
        }
        return Need.CLOSED;
    }
}
