package jp.mynahealth.importer;

import java.io.IOException;
import java.io.InputStream;

/** Reads one kind of file into the read store inside the file's transaction; returns the records read. */
public interface FeedLoader {

    FeedKind kind();

    long load(InputStream in, ImportSession session) throws IOException;
}
