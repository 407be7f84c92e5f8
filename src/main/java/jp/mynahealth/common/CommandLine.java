package jp.mynahealth.common;

import java.util.Arrays;
import java.util.Optional;

/** Reads {@code --name=value} options of the one-shot commands (the last one given wins). */
public final class CommandLine {

    private CommandLine() {
    }

    public static Optional<String> option(String[] args, String name) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .reduce((first, last) -> last);
    }
}
