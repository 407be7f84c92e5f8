package jp.mynahealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactoryUtils;

import jp.mynahealth.common.database.EmbeddedPostgresServer;
import jp.mynahealth.support.FreePort;

/** The signer runs on citizens' computers and kiosks: started alone it sets up no database at all. */
class SignerOnlyStartTest {

    @TempDir
    Path data;

    @Test
    void aSignerOnlyStartMakesNoDatabaseAndOpensOnlyItsOwnPort() throws Exception {
        int port = FreePort.next();
        try (RunningRoles roles = Application.start("--roles=signer", "--myna.data-dir=" + data,
                "--myna.signer.port=" + port)) {
            assertThat(roles.roles()).extracting(RunningRoles.RoleContext::role).containsExactly(Role.SIGNER);
            assertThat(BeanFactoryUtils.beanNamesForTypeIncludingAncestors(roles.context(Role.SIGNER), DataSource.class))
                    .isEmpty();
            assertThat(data.resolve("postgres")).doesNotExist();
            assertThat(EmbeddedPostgresServer.running(data.resolve("postgres"))).isEmpty();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }
}
