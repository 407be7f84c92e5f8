package jp.mynahealth.taxapp;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

import jp.mynahealth.common.web.SecurityHeaders;

/**
 * The demo tax software's chain: its few pages are open to anyone (it keeps no accounts); CSRF
 * protects its form; the OAuth 2.0 client does the authorization code grant with PKCE (S256) and
 * keeps the token in the session only until the one fetch it is for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaxAppProperties.class)
class TaxAppSecurityConfiguration {

    static final String AUTHORIZATION_BASE = "/oauth2/authorization";
    static final String AUTHORIZE = AUTHORIZATION_BASE + "/" + MynaClientRegistrations.REGISTRATION_ID;

    @Bean
    ClientSecret clientSecret(TaxAppProperties properties) {
        return new ClientSecret(properties);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(TaxAppProperties properties, ClientSecret secret) {
        return new MynaClientRegistrations(properties, secret);
    }

    /** Tokens live in the citizen's session only, and only until the fetch (see NoticeController). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    SignedNoticeVerifier signedNoticeVerifier(TaxAppProperties properties, Clock clock) {
        return new SignedNoticeVerifier(new TrustAnchorFile(properties.trustAnchor()), clock);
    }

    @Bean
    SecurityFilterChain taxAppSecurityChain(HttpSecurity http, ClientRegistrationRepository registrations,
            TaxAppProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, AUTHORIZATION_BASE);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", StartController.FETCH, NoticeController.NOTICE, MynaClientRegistrations.REDIRECT_PATH,
                                AUTHORIZE, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .oauth2Client(client -> client.authorizationCodeGrant(grant -> grant
                        .authorizationRequestResolver(authorizationRequests)
                        .accessTokenResponseClient(tokenResponseClient(properties))))
                .headers(SecurityHeaders.strict());
        return http.build();
    }

    /** The default client, with timeouts: an idp that does not answer is told to the citizen, not waited for. */
    private static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenResponseClient(
            TaxAppProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        RestClient rest = RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(rest);
        return client;
    }
}
