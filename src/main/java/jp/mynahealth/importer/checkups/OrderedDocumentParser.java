package jp.mynahealth.importer.checkups;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jp.mynahealth.importer.Problem;

/**
 * Parses an archive's ClinicalDocuments on one worker thread a processor while the archive is
 * inflated and the documents already parsed are staged, and hands them (and their problems) on in
 * archive order, so reports and the staged rows are the same as from one thread. Parsing is most
 * of the time an archive takes; what is read ahead is bounded in documents and in bytes.
 */
final class OrderedDocumentParser implements AutoCloseable {

    private static final int MAX_AHEAD = 64;
    private static final long MAX_AHEAD_BYTES = 16L << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService workers;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final ProblemCollector problems;
    private final Consumer<CheckupDocument> sink;
    private long pendingBytes;

    private record Pending(Future<Parsed> parsed, int bytes) {
    }

    private record Parsed(CheckupDocument document, List<Problem> problems) {
    }

    OrderedDocumentParser(ProblemCollector problems, Consumer<CheckupDocument> sink) {
        this.problems = problems;
        this.sink = sink;
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "checkup-parse-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Parses the document in the background; may first hand on the oldest ones to stay in bounds. */
    void submit(byte[] xml, long recordNumber, String entryName) {
        while (!pending.isEmpty() && (pending.size() >= MAX_AHEAD || pendingBytes + xml.length > MAX_AHEAD_BYTES)) {
            deliverOldest();
        }
        pending.add(new Pending(workers.submit(() -> {
            // Each document gathers its own problems; they join the archive's in order on delivery.
            ProblemCollector own = new ProblemCollector(Integer.MAX_VALUE);
            CheckupDocument document = new ClinicalDocumentReader(own).read(xml, recordNumber, entryName);
            return new Parsed(document, own.problems());
        }), xml.length));
        pendingBytes += xml.length;
    }

    /** Hands on every document still being parsed. */
    void finish() {
        while (!pending.isEmpty()) {
            deliverOldest();
        }
    }

    private void deliverOldest() {
        Pending oldest = pending.poll();
        pendingBytes -= oldest.bytes();
        Parsed parsed;
        try {
            parsed = oldest.parsed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing checkup documents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (Problem problem : parsed.problems()) {
            problems.add(problem);
        }
        if (parsed.document() != null) {
            sink.accept(parsed.document());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
