package jp.mynahealth.e2e.support;

import java.nio.file.Paths;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import com.microsoft.playwright.Page;

/** Saves a full-page screenshot under target/e2e-screenshots when a browser test fails. */
public class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast).ifPresent(test -> {
            Page page = test.page();
            if (page != null && !page.isClosed()) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target", "e2e-screenshots",
                        context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png")));
            }
        });
    }
}
