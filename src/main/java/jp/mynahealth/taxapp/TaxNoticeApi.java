package jp.mynahealth.taxapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The portal's API as this app calls it: {@code GET /api/v1/tax-notices/{year}} with the bearer
 * token, answered by the signed XML file. Each refusal becomes the {@link Failure} it means.
 */
@Component
class TaxNoticeApi {

    /** A year's notice is a few hundred lines at most; anything much larger is not one. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final TaxAppProperties properties;
    private final HttpClient http;

    TaxNoticeApi(TaxAppProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    byte[] fetch(int year, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.portalUrl() + "/api/v1/tax-notices/" + year))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", MediaType.APPLICATION_XML_VALUE)
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchFailedException(Failure.PORTAL_UNAVAILABLE, "the portal's API did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException(Failure.PORTAL_UNAVAILABLE, "interrupted while calling the portal", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                throw new FetchFailedException(failureOf(status), "the portal's API answered " + status);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!MediaType.APPLICATION_XML.isCompatibleWith(MediaType.parseMediaType(type))) {
                throw new FetchFailedException(Failure.PORTAL_UNAVAILABLE, "the portal's API answered " + type + ", not XML");
            }
            byte[] xml = body.readNBytes(MAX_BYTES + 1);
            if (xml.length > MAX_BYTES) {
                throw new FetchFailedException(Failure.PORTAL_UNAVAILABLE, "the portal's answer is larger than " + MAX_BYTES);
            }
            return xml;
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchFailedException(Failure.PORTAL_UNAVAILABLE, "the portal's answer could not be read: " + e, e);
        }
    }

    static Failure failureOf(int status) {
        return switch (status) {
            case 401 -> Failure.API_UNAUTHORIZED;
            case 403 -> Failure.API_FORBIDDEN;
            case 404 -> Failure.API_NOT_FOUND;
            case 429 -> Failure.API_BUSY;
            default -> Failure.PORTAL_UNAVAILABLE;
        };
    }
}
