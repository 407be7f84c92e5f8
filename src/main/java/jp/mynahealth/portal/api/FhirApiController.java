package jp.mynahealth.portal.api;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.api.fhir.FhirJson;
import jp.mynahealth.portal.api.fhir.FhirRecords;
import jp.mynahealth.portal.api.fhir.FhirResourceType;
import jp.mynahealth.portal.api.fhir.FhirSearch;

/**
 * The FHIR R4 API (JSON): the Patient, and searches of Coverage, MedicationDispense, Observation and
 * ExplanationOfBenefit, each of the person the token's consent is for; no parameter names a person
 * (one that tried, {@code patient=…}, is refused as unknown). Each read is one row in that person's
 * access history, naming the app.
 */
@RestController
class FhirApiController {

    static final String BASE = "/api/v1/fhir";

    private final FhirRecords records;
    private final ApiReads reads;

    FhirApiController(FhirRecords records, ApiReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /** The person, minimal: any consent reads it, as the app must know whose data it holds. */
    @GetMapping(BASE + "/Patient")
    ResponseEntity<String> patient(@AuthenticationPrincipal ApiCaller caller) {
        ResponseEntity<String> answer = json(records.patient(caller.person()));
        reads.record(caller, Action.API_PATIENT, Result.OK);
        return answer;
    }

    @GetMapping(BASE + "/Coverage")
    ResponseEntity<String> coverage(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        return search(caller, AppScope.INSURANCE, FhirResourceType.COVERAGE, Action.API_COVERAGE, request);
    }

    @GetMapping(BASE + "/MedicationDispense")
    ResponseEntity<String> dispenses(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        return search(caller, AppScope.DRUGS, FhirResourceType.MEDICATION_DISPENSE, Action.API_DRUGS, request);
    }

    @GetMapping(BASE + "/Observation")
    ResponseEntity<String> observations(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        return search(caller, AppScope.CHECKUPS, FhirResourceType.OBSERVATION, Action.API_CHECKUPS, request);
    }

    @GetMapping(BASE + "/ExplanationOfBenefit")
    ResponseEntity<String> explanations(@AuthenticationPrincipal ApiCaller caller,
            HttpServletRequest request) {
        return search(caller, AppScope.COSTS, FhirResourceType.EXPLANATION_OF_BENEFIT, Action.API_COSTS, request);
    }

    private ResponseEntity<String> search(ApiCaller caller, AppScope scope, FhirResourceType type, Action action,
            HttpServletRequest request) {
        caller.require(scope);
        // Every value of every parameter (a repeated date is a range): the servlet's map, not Spring's single values.
        FhirSearch search = FhirSearch.parse(caller.person(), type, request.getParameterMap());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
        ResponseEntity<String> answer = json(records.search(search, base));
        reads.record(caller, action, Result.OK);
        return answer;
    }

    private static ResponseEntity<String> json(IBaseResource resource) {
        return ResponseEntity.status(HttpStatus.OK).contentType(ApiErrors.FHIR_JSON).header("Cache-Control", "no-store")
                .body(FhirJson.write(resource));
    }
}
