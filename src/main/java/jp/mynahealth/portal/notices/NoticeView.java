package jp.mynahealth.portal.notices;

/** A notice as the inbox shows it, its texts in the reader's language. */
record NoticeView(String key, String on, String title, String text, String link, String action, boolean read,
        boolean aboutRenewal) {
}
