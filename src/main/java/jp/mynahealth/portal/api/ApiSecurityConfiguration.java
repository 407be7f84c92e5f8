package jp.mynahealth.portal.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import jp.mynahealth.common.web.RateLimits;
import jp.mynahealth.common.web.SecurityHeaders;
import jp.mynahealth.portal.security.PortalLoginProperties;

/**
 * The API's own chain, before the pages' one: bearer tokens only (the idp's JWTs, keys from its JWK
 * set), no session, no cookie, no CSRF (nothing here acts on a cookie), no redirect to a login, and
 * every refusal an OperationOutcome. The token is then held to its consent ({@link ApiConsentCheck})
 * and to the rate limits.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API = "/api/**";

    @Bean
    @Order(0)
    SecurityFilterChain apiChain(HttpSecurity http, PortalLoginProperties login, ApiConsents consents, RateLimits limits)
            throws Exception {
        NimbusJwtDecoder tokens = NimbusJwtDecoder.withJwkSetUri(login.idpUrl() + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> namesConsent = new JwtClaimValidator<Object>("cid", cid -> cid != null);
        tokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(login.idpUrl()),
                namesConsent));
        ApiErrors errors = new ApiErrors();
        http.securityMatcher(API)
                // Only an app's token checked against its consent: never a login of the pages, however it got here.
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(authentication.get() instanceof ApiAuthentication)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(new ApiConsentCheck(consents)))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterAfter(new ApiRateLimits(limits.apiPerApp(), limits.apiPerPerson()), BearerTokenAuthenticationFilter.class)
                .headers(SecurityHeaders.strict());
        return http.build();
    }
}
