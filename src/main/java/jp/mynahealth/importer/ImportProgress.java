package jp.mynahealth.importer;

/** Told how far the current file is read, so a terminal can draw a bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, records) -> {
    };

    void advanced(long bytesRead, long records);
}
