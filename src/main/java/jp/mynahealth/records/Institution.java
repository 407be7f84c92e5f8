package jp.mynahealth.records;

/** A medical institution or pharmacy (医療機関等コード, 10 digits). */
public record Institution(String code, String name, String kind) {
}
