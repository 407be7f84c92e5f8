package jp.mynahealth.portal.security;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.support.PortalRole;

/** The header's name is read once a session and kept there, and only ever for the person it names. */
class SignedInNameTest {

    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
    }

    private static String page(MockHttpSession session, UUID person) throws Exception {
        return mvc.perform(get("/insurance").session(session).with(as(person))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theNameIsKeptInTheSessionAndNeverShownForSomeoneElse() throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(page(session, TARO)).contains("見本 太郎");
        assertThat(Collections.list(session.getAttributeNames())).anySatisfy(name -> assertThat(name).endsWith(TARO.toString()));
        assertThat(page(session, TARO)).contains("見本 太郎");
        // Should a session ever carry another login, the kept name is not theirs: it is read again.
        assertThat(page(session, HANAKO)).contains("見本 花子").doesNotContain("見本 太郎");
    }
}
