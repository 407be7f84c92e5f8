package jp.mynahealth.importer;

import java.util.List;

/** A delivered file that cannot be imported: nothing of it is written, and the problems say why. */
public class RefusedFileException extends RuntimeException {

    private final transient List<Problem> problems;

    public RefusedFileException(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public RefusedFileException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
