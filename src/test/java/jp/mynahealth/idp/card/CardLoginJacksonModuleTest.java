package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.records.PersonId;

/** A card login written into an authorization's attributes as the JDBC store writes them, and read back. */
class CardLoginJacksonModuleTest {

    private static final PersonId PERSON = new PersonId(UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c"));
    private static final Instant AT = Instant.parse("2026-11-24T01:00:00Z");
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private static ObjectMapper mapper(boolean withCardLogins) {
        ObjectMapper json = new ObjectMapper();
        json.registerModules(SecurityJackson2Modules.getModules(CardLoginJacksonModuleTest.class.getClassLoader()));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
        if (withCardLogins) {
            json.registerModule(new CardLoginJacksonModule());
        }
        return json;
    }

    /** An authorization's attributes, as the store writes them: a map with the login under the Principal key. */
    private static Map<String, Object> attributes(CardAuthenticationToken login) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Principal.class.getName(), login);
        return attributes;
    }

    private static CardAuthenticationToken roundTrip(CardAuthenticationToken login) throws Exception {
        ObjectMapper json = mapper(true);
        String written = json.writeValueAsString(attributes(login));
        return (CardAuthenticationToken) json.readValue(written, ATTRIBUTES).get(Principal.class.getName());
    }

    @Test
    void aPairLoginKeepsItsSecondCardsPerson() throws Exception {
        PersonId child = new PersonId(UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335"));
        CardAuthenticationToken read = roundTrip(CardAuthenticationToken.authenticated(PERSON, AT, null, child));
        assertThat(read.person()).isEqualTo(PERSON);
        assertThat(read.secondPerson()).contains(child);
        assertThat(roundTrip(CardAuthenticationToken.authenticated(PERSON, AT, null)).secondPerson()).isEmpty();
    }

    @Test
    void aLoginAtHomeComesBackAsTheSameAuthenticatedPerson() throws Exception {
        CardAuthenticationToken read = roundTrip(CardAuthenticationToken.authenticated(PERSON, AT, null));
        assertThat(read.isAuthenticated()).isTrue();
        assertThat(read.person()).isEqualTo(PERSON);
        assertThat(read.getName()).isEqualTo(PERSON.toString());
        assertThat(read.authenticatedAt()).isEqualTo(AT);
        assertThat(read.kioskTerminal()).isEmpty();
        assertThat(read.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CITIZEN");
    }

    @Test
    void aKioskLoginKeepsItsTerminal() throws Exception {
        assertThat(roundTrip(CardAuthenticationToken.authenticated(PERSON, AT, "demo-kiosk-01")).kioskTerminal())
                .contains("demo-kiosk-01");
    }

    @Test
    void theJsonHoldsOnlyWhatTheIdTokenIsMadeFrom() throws Exception {
        String written = mapper(true).writeValueAsString(
                attributes(CardAuthenticationToken.authenticated(PERSON, AT, "demo-kiosk-01")));
        assertThat(mapper(false).readTree(written).get(Principal.class.getName()).fieldNames())
                .toIterable().containsExactlyInAnyOrder("@class", "person", "authenticatedAt", "kioskTerminal");
    }

    @Test
    void withoutTheModuleTheAllowlistRefusesTheLogin() throws Exception {
        String written = mapper(true).writeValueAsString(
                attributes(CardAuthenticationToken.authenticated(PERSON, AT, null)));
        assertThatThrownBy(() -> mapper(false).readValue(written, ATTRIBUTES))
                .hasMessageContaining("not in the allowlist");
    }
}
