package jp.mynahealth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.mynahealth.Role;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.idp.apps.App;
import jp.mynahealth.idp.apps.AppRegistry;
import jp.mynahealth.idp.apps.AppSecrets;
import jp.mynahealth.support.CardLoginSystem;

/**
 * The benchmarks' own harnesses still do what the figures assume: a portal session of the card's
 * person, and an app's access token from the consent flow that reads through the API.
 */
class BenchHarnessTest {

    @Test
    void aSessionAndAnAppTokenThroughTheRealFlows() throws Exception {
        Path card = CardLoginSystem.roles().common().getBean(DataFolder.class).resolve("cards/" + CardLoginSystem.CARD + ".p12");
        String cookie = PortalSession.logIn(CardLoginSystem.portal(), card, CardLoginSystem.PIN);
        assertThat(cookie).startsWith("MYNA_PORTAL_SESSION=");

        CardLoginSystem.roles().context(Role.IDP).getBean(AppRegistry.class).register(new App("bench-harness-test", "ベンチ",
                "テスト", List.of("http://127.0.0.1:9/callback"), EnumSet.of(AppScope.DRUGS),
                Optional.of(AppSecrets.hash("bench-harness-secret-0123456789"))));
        String token = AppTokens.connect(CardLoginSystem.idp(), "bench-harness-test", "bench-harness-secret-0123456789",
                "http://127.0.0.1:9/callback", "drugs", card, CardLoginSystem.PIN);
        HttpResponse<String> drugs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(CardLoginSystem.portal() + "/api/v1/fhir/MedicationDispense"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(drugs.statusCode()).isEqualTo(200);
        assertThat(drugs.body()).contains("\"resourceType\":\"Bundle\"");
    }
}
