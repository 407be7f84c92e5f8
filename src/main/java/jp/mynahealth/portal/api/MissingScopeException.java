package jp.mynahealth.portal.api;

import jp.mynahealth.common.apps.AppScope;

/** An app asked for data its consent does not cover: 403 with an OperationOutcome. */
public class MissingScopeException extends RuntimeException {

    private final transient AppScope scope;

    public MissingScopeException(AppScope scope) {
        super("The consent does not cover " + scope.code());
        this.scope = scope;
    }

    public AppScope scope() {
        return scope;
    }
}
