package jp.mynahealth.common.apps;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of data a connected app may ask for: the OAuth scopes the idp grants on a citizen's
 * consent and the portal's API checks (idp.app.scopes, idp.app_consent.scopes).
 */
public enum AppScope {
    INSURANCE("insurance", "insurance"),
    DRUGS("drugs", "drugs"),
    CHECKUPS("checkups", "checkups"),
    COSTS("costs", "costs"),
    TAX_NOTICE("tax-notice", "etax");

    private final String code;
    private final String proxyKind;

    AppScope(String code, String proxyKind) {
        this.code = code;
        this.proxyKind = proxyKind;
    }

    /** The scope as apps ask for it and tokens carry it. */
    public String code() {
        return code;
    }

    /** The kind of a proxy grant (portal.proxy_grant.scopes) that lets a proxy consent to this scope for someone. */
    public String proxyKind() {
        return proxyKind;
    }

    /** The message key of the scope's plain name (app.scope.drugs …). */
    public String messageKey() {
        return "app.scope." + code;
    }

    public static Optional<AppScope> of(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }
}
