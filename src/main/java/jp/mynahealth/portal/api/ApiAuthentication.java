package jp.mynahealth.portal.api;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An API call authenticated by an app's access token and the consent it names, checked in force. */
public final class ApiAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient ApiCaller caller;
    private final transient Jwt token;

    public ApiAuthentication(ApiCaller caller, Jwt token) {
        super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.code())).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    /** {@code @AuthenticationPrincipal ApiCaller caller} in a controller. */
    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.appId();
    }

    List<String> scopeCodes() {
        return caller.scopes().stream().map(jp.mynahealth.common.apps.AppScope::code).toList();
    }
}
