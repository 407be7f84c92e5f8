package jp.mynahealth.portal.api.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.mynahealth.records.PersonId;

/**
 * How resources are named and referenced in a Bundle: in a search answer by their address on the
 * server ({@code Patient/<id>}, full URLs on the base URL), in a collection or document by
 * {@code urn:uuid:} full URLs that the references inside the Bundle resolve to. Those UUIDs are
 * derived from the person and the resource's id, so the same records always give the same file.
 */
final class Addresses {

    private final PersonId person;
    private final String baseUrl;

    private Addresses(PersonId person, String baseUrl) {
        this.person = person;
        this.baseUrl = baseUrl;
    }

    static Addresses onServer(PersonId person, String baseUrl) {
        return new Addresses(person, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    static Addresses inBundle(PersonId person) {
        return new Addresses(person, null);
    }

    String patient() {
        return reference("Patient", person.value().toString());
    }

    String reference(String resourceName, String id) {
        return baseUrl == null ? uuid(resourceName, id) : resourceName + "/" + id;
    }

    String fullUrl(String resourceName, String id) {
        return baseUrl == null ? uuid(resourceName, id) : baseUrl + "/" + resourceName + "/" + id;
    }

    private String uuid(String resourceName, String id) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((person.value() + "/" + resourceName + "/" + id)
                .getBytes(StandardCharsets.UTF_8));
    }
}
