package jp.mynahealth.taxapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/** Every failure of a fetch is a polite page with its status; nothing of an unverified file is shown. */
@ControllerAdvice(assignableTypes = { StartController.class, NoticeController.class })
class FailurePages {

    private static final Logger log = LoggerFactory.getLogger(FailurePages.class);

    @ExceptionHandler(FetchFailedException.class)
    String fetchFailed(FetchFailedException e, Model model, HttpServletResponse response) {
        log.warn("Fetch failed ({}): {}", e.failure(), e.getMessage());
        return page(e.failure(), model, response);
    }

    @ExceptionHandler({ NoticeSignatureException.class, MedicalExpenseNotice.NoticeContentException.class })
    String notVerified(RuntimeException e, Model model, HttpServletResponse response) {
        log.warn("A medical cost notice was refused, nothing of it used: {}", e.getMessage());
        return page(Failure.SIGNATURE, model, response);
    }

    private static String page(Failure failure, Model model, HttpServletResponse response) {
        response.setStatus(failure.status().value());
        model.addAttribute("failureTitle", failure.titleKey());
        model.addAttribute("failureText", failure.textKey());
        model.addAttribute("retry", failure.retry());
        return "taxapp/failure";
    }
}
