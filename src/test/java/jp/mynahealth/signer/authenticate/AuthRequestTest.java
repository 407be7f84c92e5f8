package jp.mynahealth.signer.authenticate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthRequestTest {

    private static final String CHALLENGE = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

    @Test
    void aReturnAddressOnTheRequestingOriginIsAccepted() {
        AuthRequest request = AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000", "http://127.0.0.1:9000/login/card/callback", "en");
        assertThat(request.lang()).isEqualTo("en");
        assertThat(request.cancelUrl()).isEqualTo("http://127.0.0.1:9000/login/card/callback?error=cancelled");
        assertThat(AuthRequest.of(CHALLENGE, "https://idp.example", "https://idp.example:443/cb?x=1", "fr").cancelUrl())
                .isEqualTo("https://idp.example:443/cb?x=1&error=cancelled");
    }

    @Test
    void aReturnAddressOnAnotherOriginIsRefused() {
        for (String returnTo : new String[] { "http://evil.example/login/card/callback", "http://127.0.0.1:9001/cb",
            "https://127.0.0.1:9000/cb", "javascript:alert(1)", "" }) {
            assertThatThrownBy(() -> AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000", returnTo, "ja"))
                    .as(returnTo).isInstanceOf(AuthRequest.Invalid.class);
        }
    }

    @Test
    void anOriginWithAPathOrABadChallengeIsRefused() {
        assertThatThrownBy(() -> AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000/x", "http://127.0.0.1:9000/cb", "ja"))
                .isInstanceOf(AuthRequest.Invalid.class);
        assertThatThrownBy(() -> AuthRequest.of("short", "http://127.0.0.1:9000", "http://127.0.0.1:9000/cb", "ja"))
                .isInstanceOf(AuthRequest.Invalid.class);
        assertThatThrownBy(() -> AuthRequest.of("<script>" + CHALLENGE, "http://127.0.0.1:9000", "http://127.0.0.1:9000/cb", "ja"))
                .isInstanceOf(AuthRequest.Invalid.class);
        assertThatThrownBy(() -> AuthRequest.of(null, null, null, null)).isInstanceOf(AuthRequest.Invalid.class);
    }

    @Test
    void theSignedDataIsTheTwoHashesOfOriginAndChallenge() throws Exception {
        byte[] data = AuthTokens.dataToSign("http://127.0.0.1:9000", CHALLENGE);
        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        assertThat(java.util.Arrays.copyOfRange(data, 0, 32)).isEqualTo(sha256.digest("http://127.0.0.1:9000".getBytes()));
        assertThat(java.util.Arrays.copyOfRange(data, 32, 64)).isEqualTo(sha256.digest(CHALLENGE.getBytes()));
    }

    @Test
    void aPairIsOnlyTheChildsAndTravelsWithTheScreen() {
        AuthRequest pair = AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000", "http://127.0.0.1:9000/cb", "ja", "child");
        assertThat(pair.pair()).isEqualTo("child");
        assertThat(pair.screenQuery()).endsWith("&pair=child");
        assertThat(AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000", "http://127.0.0.1:9000/cb", "ja").screenQuery())
                .doesNotContain("pair");
        assertThatThrownBy(() -> AuthRequest.of(CHALLENGE, "http://127.0.0.1:9000", "http://127.0.0.1:9000/cb", "ja", "spouse"))
                .isInstanceOf(AuthRequest.Invalid.class);
    }
}
