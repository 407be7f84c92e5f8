package jp.mynahealth.taxapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.stereotype.Component;

/**
 * Asks the idp for its metadata before sending the citizen there: a browser sent to an idp that
 * is down shows its own connection error, with no way back; this app can say so politely instead.
 * Any answer counts: only no answer at all is "unreachable".
 */
@Component
class IdpReachability {

    private final TaxAppProperties properties;
    private final HttpClient http;

    IdpReachability(TaxAppProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    void check() {
        URI metadata = URI.create(properties.idpUrl() + "/.well-known/oauth-authorization-server");
        try {
            http.send(HttpRequest.newBuilder(metadata).timeout(properties.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new FetchFailedException(Failure.IDP_UNAVAILABLE, "the idp at " + properties.idpUrl() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException(Failure.IDP_UNAVAILABLE, "interrupted while asking the idp", e);
        }
    }
}
