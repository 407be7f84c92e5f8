package jp.mynahealth.portal.proxies;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of data a proxy can be given, as stored in portal.proxy_grant.scopes. */
public enum ProxyScope {
    INSURANCE("insurance"), DRUGS("drugs"), CHECKUPS("checkups"), COSTS("costs"), ETAX("etax"),
    VACCINATIONS("vaccinations"), CARE("care");

    private final String code;

    ProxyScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The message key of the kind's plain name (proxy.scope.drugs …). */
    public String messageKey() {
        return "proxy.scope." + code;
    }

    public static Optional<ProxyScope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
