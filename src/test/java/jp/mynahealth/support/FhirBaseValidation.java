package jp.mynahealth.support;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator against the base FHIR R4 profiles, offline: R4's own structures and
 * terminology and the common code systems (UCUM, the HL7 terminology). Built once per test JVM (the
 * snapshots take seconds).
 */
public final class FhirBaseValidation {

    private static FhirValidator validator;

    private FhirBaseValidation() {
    }

    public static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext fhir = FhirContext.forR4Cached();
            ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                    new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                    new SnapshotGeneratingValidationSupport(fhir));
            validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator;
    }

    /** The errors (and worse) the validator finds in the JSON, as "location: message". */
    public static List<String> errors(String json) {
        return validator().validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(FhirBaseValidation::describe).toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
