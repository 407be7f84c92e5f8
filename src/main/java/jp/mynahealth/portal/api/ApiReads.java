package jp.mynahealth.portal.api;

import org.springframework.stereotype.Component;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;

/** What an app read: a row in the person's access history naming the app, and the consent's "last read". */
@Component
public class ApiReads {

    private final AccessLog accessLog;
    private final ApiConsents consents;

    ApiReads(AccessLog accessLog, ApiConsents consents) {
        this.accessLog = accessLog;
        this.consents = consents;
    }

    public void record(ApiCaller caller, Action action, Result result) {
        accessLog.record(caller.visit(), action, result);
        if (result == Result.OK) {
            consents.markRead(caller);
        }
    }
}
