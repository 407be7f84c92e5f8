package jp.mynahealth.importer.checkups;

import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/** Gathers the problems of one archive and refuses it once there are as many as anyone will read. */
final class ProblemCollector {

    private final int max;
    private final List<Problem> problems = new ArrayList<>();

    ProblemCollector(int max) {
        this.max = max;
    }

    void add(long recordNumber, String field, String reasonJa, String reasonEn) {
        add(new Problem(recordNumber, field, reasonJa, reasonEn));
    }

    void add(Problem problem) {
        problems.add(problem);
        if (problems.size() >= max) {
            throw refusal();
        }
    }

    /** A problem after which the archive cannot be read on: refuse now with all gathered so far. */
    RefusedFileException fatal(long recordNumber, String field, String reasonJa, String reasonEn) {
        problems.add(new Problem(recordNumber, field, reasonJa, reasonEn));
        return refusal();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    int size() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    RefusedFileException refusal() {
        return new RefusedFileException(problems);
    }
}
