package jp.mynahealth.importer.claims;

import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/**
 * The problems found in one file. Reading goes on after a problem so that one report names many of
 * them, but stops at {@value #LIMIT}: past that the file is plainly wrong and more lines say nothing new.
 */
final class Problems {

    static final int LIMIT = 100;

    private final List<Problem> found = new ArrayList<>();

    void add(long line, String field, String reasonJa, String reasonEn) {
        found.add(new Problem(line, field, reasonJa, reasonEn));
        if (found.size() >= LIMIT) {
            throw new RefusedFileException(found);
        }
    }

    void add(long line, Field field, String reasonJa, String reasonEn) {
        add(line, field.name(), reasonJa, reasonEn);
    }

    int count() {
        return found.size();
    }

    boolean any() {
        return !found.isEmpty();
    }

    void refuseIfAny() {
        if (any()) {
            throw new RefusedFileException(found);
        }
    }
}
