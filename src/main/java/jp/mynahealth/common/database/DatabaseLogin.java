package jp.mynahealth.common.database;

/** A PostgreSQL login: role name and password. Its text form never shows the password. */
public record DatabaseLogin(String username, String password) {

    @Override
    public String toString() {
        return username;
    }
}
