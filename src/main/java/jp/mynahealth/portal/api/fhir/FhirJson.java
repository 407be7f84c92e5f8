package jp.mynahealth.portal.api.fhir;

import java.nio.charset.StandardCharsets;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one FHIR R4 context of the process (thread-safe, costly to build, shared) and JSON written
 * with a new parser each time (parsers are cheap and not thread-safe).
 */
public final class FhirJson {

    /** The media type of FHIR JSON (FHIR R4, http.html#mime-type). */
    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirJson() {
    }

    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** Compact, for the API. */
    public static String write(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }

    /** Indented, for a file a person may open and read. */
    public static byte[] writeForReading(IBaseResource resource) {
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }
}
