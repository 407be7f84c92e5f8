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

import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.security.core.context.SecurityContextHolder;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.api.fhir.InvalidSearchException;

/** Refusals inside the API's controllers, as OperationOutcomes; the pages keep their HTML error pages. */
@RestControllerAdvice(basePackageClasses = ApiExceptionAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    private static final Map<AppScope, Action> READS = Map.of(AppScope.INSURANCE, Action.API_COVERAGE,
            AppScope.DRUGS, Action.API_DRUGS, AppScope.CHECKUPS, Action.API_CHECKUPS, AppScope.COSTS, Action.API_COSTS,
            AppScope.TAX_NOTICE, Action.API_TAX_NOTICE);

    private final ApiReads reads;

    ApiExceptionAdvice(ApiReads reads) {
        this.reads = reads;
    }

    /** Refused, and the person's history says an app tried to read what it was not given. */
    @ExceptionHandler(MissingScopeException.class)
    ResponseEntity<String> missingScope(MissingScopeException e) {
        log.warn("API call refused: {}", e.getMessage());
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication call) {
            reads.record(call.getPrincipal(), READS.get(e.scope()), Result.REFUSED);
        }
        return ApiErrors.response(HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<String> notFound(NoSuchElementException e) {
        log.warn("API call found nothing: {}", e.getMessage());
        return ApiErrors.response(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "Not found");
    }

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<String> invalidSearch(InvalidSearchException e) {
        log.warn("API search refused: {}", e.getMessage());
        return ApiErrors.response(HttpStatus.BAD_REQUEST, IssueType.INVALID, e.getMessage());
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
