package jp.mynahealth.signer.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The soft cards in a folder: {@code <id>.p12} with {@code <id>.properties} beside it. */
public final class SoftCardBackend implements CardBackend {

    private final Path folder;

    public SoftCardBackend(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Card> cards() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".p12"))
                    .sorted()
                    .map(file -> {
                        String name = file.getFileName().toString();
                        String id = name.substring(0, name.length() - ".p12".length());
                        return (Card) new SoftCard(id, file, folder.resolve(id + ".properties"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the cards in " + folder, e);
        }
    }
}
