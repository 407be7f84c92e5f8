package jp.mynahealth.portal.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.etax.TaxNoticeFiles;

/**
 * e-Tax 連携: a tax app fetches the year's signed 医療費通知情報, the same file the citizen could
 * download, of the person its consent is for.
 */
@RestController
class TaxNoticeApiController {

    private final TaxNoticeFiles files;
    private final ApiReads reads;

    TaxNoticeApiController(TaxNoticeFiles files, ApiReads reads) {
        this.files = files;
        this.reads = reads;
    }

    @GetMapping("/api/v1/tax-notices/{year}")
    ResponseEntity<byte[]> taxNotice(@AuthenticationPrincipal ApiCaller caller, @PathVariable String year) {
        caller.require(AppScope.TAX_NOTICE);
        int chosen = files.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No notice for the year " + year + " (2021 to this year)"));
        byte[] xml = files.signedXml(caller.visit(), chosen);
        reads.record(caller, Action.API_TAX_NOTICE, Result.OK);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).header("Cache-Control", "no-store").body(xml);
    }
}
