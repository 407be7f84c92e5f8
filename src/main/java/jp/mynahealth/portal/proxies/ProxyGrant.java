package jp.mynahealth.portal.proxies;

import java.time.LocalDate;
import java.util.Set;

import jp.mynahealth.records.PersonId;

/**
 * A live grant: {@code proxy} may see {@code principal}'s data of the kinds in {@code scopes} from
 * {@code validFrom} to {@code validUntil} (both days included).
 *
 * @param principalName the principal's name, for the switcher and the band
 * @param proxyName     the proxy's name, for the principal's list
 */
public record ProxyGrant(long grantId, PersonId principal, String principalName, PersonId proxy, String proxyName,
        String kind, Set<ProxyScope> scopes, LocalDate validFrom, LocalDate validUntil) {

    public static final String LEGAL = "legal";
    public static final String CHOSEN = "chosen";

    public boolean legal() {
        return LEGAL.equals(kind);
    }

    public boolean allows(ProxyScope scope) {
        return scopes.contains(scope);
    }
}
