package io.covenant.upload;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The rows of a file as a parsing library reads them: each of the library's rows becomes a {@link SourceRow}, and
 * closing the rows closes the library's reader.
 *
 * @param <R> the library's row
 */
abstract class ReaderRows<R> implements RowSource {

    private final Closeable reader;

    private final Iterator<R> rows;

    ReaderRows(Closeable reader, Iterator<R> rows) {
        this.reader = reader;
        this.rows = rows;
    }

    /** The library's row as an upload reads it. */
    abstract SourceRow row(R row);

    @Override
    public final boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public final SourceRow next() {
        return row(rows.next());
    }

    @Override
    public final void close() {
        try {
            reader.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
