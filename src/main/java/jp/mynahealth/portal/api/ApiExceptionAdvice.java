package jp.mynahealth.portal.api;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Refusals inside the API's controllers, as OperationOutcomes; the pages keep their HTML error pages. */
@RestControllerAdvice(basePackageClasses = ApiExceptionAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    @ExceptionHandler(MissingScopeException.class)
    ResponseEntity<String> missingScope(MissingScopeException e) {
        log.warn("API call refused: {}", e.getMessage());
        return ApiErrors.response(HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<String> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        log.warn("API call answered {}: {}", status.value(), e.getReason());
        return ApiErrors.response(status, status == HttpStatus.NOT_FOUND ? IssueType.NOTFOUND : IssueType.INVALID,
                e.getReason() == null ? status.getReasonPhrase() : e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failure(Exception e) {
        log.error("API call failed", e);
        return ApiErrors.response(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION,
                "The service could not answer; please try again later");
    }
}
