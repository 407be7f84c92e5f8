package jp.mynahealth.portal.download;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.api.fhir.FhirJson;
import jp.mynahealth.portal.api.fhir.FhirRecords;

/**
 * データのダウンロード: the whole record as a FHIR Bundle, and a patient summary (IPS), made on the fly
 * for the citizen's own browser. A kiosk is refused (a file would stay on the shared terminal for the
 * next person), and so is a proxy: a person's full export is their own (ProxyPaths keeps the
 * addresses closed, and this says it again).
 */
@Controller
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);
    private static final MediaType FHIR_JSON = MediaType.parseMediaType(FhirJson.MEDIA_TYPE);

    private final FhirRecords records;
    private final AccessLog accessLog;
    private final Clock clock;

    DownloadController(FhirRecords records, AccessLog accessLog, Clock clock) {
        this.records = records;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/download")
    String page(Visit visit, HttpServletResponse response) {
        ownOnly(visit);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        accessLog.record(visit, Action.VIEW_DOWNLOADS, Result.OK);
        return "portal/download/download";
    }

    @GetMapping("/download/fhir-bundle.json")
    ResponseEntity<byte[]> everything(Visit visit) {
        ownOnly(visit);
        refuseOnKiosk(visit, Action.DOWNLOAD_FHIR_BUNDLE);
        Bundle bundle = records.everything(visit.person());
        ResponseEntity<byte[]> file = file(FhirJson.writeForReading(bundle), "myna-health-record", "マイナ健康記録_すべて");
        accessLog.record(visit, Action.DOWNLOAD_FHIR_BUNDLE, Result.OK);
        return file;
    }

    @GetMapping("/download/patient-summary.json")
    ResponseEntity<byte[]> patientSummary(Visit visit) {
        ownOnly(visit);
        refuseOnKiosk(visit, Action.DOWNLOAD_PATIENT_SUMMARY);
        Bundle bundle = records.patientSummary(visit.person());
        ResponseEntity<byte[]> file = file(FhirJson.writeForReading(bundle), "myna-patient-summary", "マイナ健康記録_患者サマリー");
        accessLog.record(visit, Action.DOWNLOAD_PATIENT_SUMMARY, Result.OK);
        return file;
    }

    /** A file to save, named with the day it was made: an ASCII name and the Japanese one (RFC 6266 / 5987), never cached. */
    private ResponseEntity<byte[]> file(byte[] body, String asciiName, String japaneseName) {
        LocalDate today = LocalDate.now(clock);
        String disposition = "attachment; filename=\"" + asciiName + "-" + today + ".json\"; filename*=UTF-8''"
                + UriUtils.encode(japaneseName + "_" + today + ".json", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(body.length)
                .body(body);
    }

    private static void ownOnly(Visit visit) {
        if (visit.byProxy()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private void refuseOnKiosk(Visit visit, Action download) {
        if (visit.channel() == Channel.KIOSK) {
            accessLog.record(visit, download, Result.REFUSED);
            throw new DownloadOnKioskException();
        }
    }

    static final class DownloadOnKioskException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DownloadOnKioskException() {
            super("downloads are not offered on a kiosk terminal");
        }
    }

    /** The refusal page (HTML whatever the address ends in: WebCommonConfiguration forces it). */
    @ExceptionHandler(DownloadOnKioskException.class)
    String downloadOnKiosk(DownloadOnKioskException e, HttpServletResponse response) {
        log.warn("Refused a data download in a kiosk session");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "portal/download/no-download";
    }
}
