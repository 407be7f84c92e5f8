package jp.mynahealth.importer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox folder ({@code myna.import.inbox}) of a running service: a file that has stopped
 * growing is claimed (moved into {@code processing/}, so two instances never take the same file),
 * imported, then moved to {@code done/} or {@code rejected/} with its report beside it. Names
 * starting with a dot or ending in .part or .tmp are still being written and are left alone.
 */
@Component
class ImportInbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportInbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final FeedImporter importer;
    private final String folder;
    private final Duration poll;
    private final Clock clock;
    /** Size and time of each file at the last look, per inbox folder (a test scans a folder of its own). */
    private final Map<Path, Map<Path, List<Object>>> lastSeen = new HashMap<>();
    private ScheduledExecutorService executor;

    ImportInbox(FeedImporter importer, @Value("${myna.import.inbox:}") String folder,
            @Value("${myna.import.inbox-poll:2s}") Duration poll, Clock clock) {
        this.importer = importer;
        this.folder = folder;
        this.poll = poll;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (folder.isBlank()) {
            return;
        }
        Path inbox = Path.of(folder);
        try {
            for (String sub : new String[] { "processing", "done", "rejected" }) {
                Files.createDirectories(inbox.resolve(sub));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the import inbox " + inbox + ": " + e.getMessage(), e);
        }
        requeueUnfinished(inbox);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-inbox");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> scan(inbox), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Watching the import inbox {}", inbox.toAbsolutePath());
    }

    /**
     * A file left in processing/ by a process that died was never committed (or was, and will be
     * found already imported): either way it goes back to the inbox to be taken again.
     */
    static void requeueUnfinished(Path inbox) {
        try (Stream<Path> left = Files.list(inbox.resolve("processing"))) {
            for (Path file : left.filter(Files::isRegularFile).toList()) {
                Path back = inbox.resolve(file.getFileName());
                if (!Files.exists(back)) {
                    Files.move(file, back, StandardCopyOption.ATOMIC_MOVE);
                    log.warn("Taking {} again: an earlier run stopped while importing it", back.getFileName());
                }
            }
        } catch (IOException e) {
            log.error("Cannot look into the inbox's processing folder: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** One look at the inbox; public to the package so tests need not wait for the timer. */
    synchronized void scan(Path inbox) {
        try (Stream<Path> listed = Files.list(inbox)) {
            List<Path> files = listed.filter(Files::isRegularFile).filter(ImportInbox::finishedName).sorted().toList();
            Map<Path, List<Object>> seen = lastSeen.computeIfAbsent(inbox, folder -> new HashMap<>());
            seen.keySet().retainAll(files);
            for (Path file : files) {
                List<Object> now = List.of(Files.size(file), Files.getLastModifiedTime(file));
                if (now.equals(seen.put(file, now))) {
                    seen.remove(file);
                    take(inbox, file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The watcher must outlive one bad look at the folder; the next poll tries again.
            log.error("Import inbox scan failed: {}", e.toString(), e);
        }
    }

    private static boolean finishedName(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp")
                && !name.endsWith(ReportFiles.SUFFIX);
    }

    private void take(Path inbox, Path file) throws IOException {
        Path claimed = inbox.resolve("processing").resolve(file.getFileName());
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("The inbox's processing folder must be on the same file system", e);
        }
        ImportReport report;
        try {
            report = importer.importFile(claimed, false);
        } catch (StoreUnavailableException e) {
            // Not the file's fault: it waits in the inbox for the store to come back.
            Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{} stays in the inbox: {}", file.getFileName(), e.getMessage());
            return;
        }
        Path target = inbox.resolve(report.refused() ? "rejected" : "done");
        Path moved = target.resolve(file.getFileName());
        if (Files.exists(moved)) {
            moved = target.resolve(STAMP.format(clock.instant().atZone(clock.getZone())) + "-" + file.getFileName());
        }
        Files.move(claimed, moved, StandardCopyOption.ATOMIC_MOVE);
        ReportFiles.write(report.movedTo(moved), target);
    }
}
