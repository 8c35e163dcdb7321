package io.covenant.upload;

import io.covenant.company.CompanyCommand;
import io.covenant.shared.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads, parses and checks the file's next batch on a thread of its own while the current one is written: the writing
 * thread mostly waits for PostgreSQL, which runs on the other core. At most two batches wait ahead. The rows are the
 * same, in the same order, as reading them in line would give: each company and period is claimed by its first row,
 * the rows up to the checkpoint are read again only for that, and the profile a batch would create a company from is
 * checked ahead (the writer checks any other one itself).
 */
final class ReadAhead implements AutoCloseable {

    /**
     * A batch: its rows, the number of data rows read up to its last one, and the problems of the profiles it would
     * create companies from (by identity: the first row's profile of each symbol in the batch).
     */
    record Batch(List<ParsedRow> rows, int lastRow, Map<CompanyCommand, List<RowError>> checked) {

        boolean end() {
            return rows.isEmpty();
        }
    }

    private record Failure(Throwable cause) {}

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);

    private final RowSource rows;

    private final Thread thread;

    private volatile boolean closed;

    /**
     * Starts reading after the header; {@code skip} data rows are read only to claim their company and period;
     * {@code check} gives a profile's problems, empty when a company may be created from it.
     */
    ReadAhead(RowSource rows, RowParser parser, int skip, int batchSize, Function<ParsedRow, List<RowError>> check) {
        this.rows = rows;
        this.thread = DaemonThreads.named("upload-read-ahead").newThread(() -> read(parser, skip, batchSize, check));
        thread.start();
    }

    private void read(RowParser parser, int skip, int batchSize, Function<ParsedRow, List<RowError>> check) {
        try {
            Map<String, Integer> claimed = new HashMap<>();
            int index = 0;
            List<ParsedRow> batch = new ArrayList<>(batchSize);
            while (!closed && rows.hasNext()) {
                SourceRow source = rows.next();
                if (source.blank()) {
                    continue;
                }
                ParsedRow row = firstFor(parser.parse(source), claimed);
                if (++index <= skip) {
                    continue;
                }
                batch.add(row);
                if (batch.size() == batchSize) {
                    queue.put(new Batch(batch, index, checked(batch, check)));
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(new Batch(batch, index, checked(batch, check)));
            }
            queue.put(new Batch(List.of(), index, Map.of()));
        } catch (InterruptedException ex) {
            // closed: nobody waits for more
        } catch (RuntimeException | Error ex) {
            // Handed to the writer, which would otherwise wait for a batch that never comes.
            try {
                queue.put(new Failure(ex));
            } catch (InterruptedException closing) {
                // closed meanwhile
            }
        }
    }

    /** The next batch, or an empty one (with the number of data rows) at the end; a reading failure is thrown here. */
    Batch next() throws InterruptedException {
        Object next = queue.take();
        if (next instanceof Failure failure) {
            if (failure.cause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.cause();
        }
        return (Batch) next;
    }

    /** Stops reading, when the writer stops before the end; then closes the file. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            rows.close();
        }
    }

    private static Map<CompanyCommand, List<RowError>> checked(
            List<ParsedRow> batch, Function<ParsedRow, List<RowError>> check) {
        Map<CompanyCommand, List<RowError>> checked = new IdentityHashMap<>();
        Set<String> symbols = new HashSet<>();
        for (ParsedRow row : batch) {
            if (row.valid() && symbols.add(row.symbol())) {
                checked.put(row.company(), check.apply(row));
            }
        }
        return checked;
    }

    /** A second row for a company and period already in the file is an error, not a silent overwrite. */
    static ParsedRow firstFor(ParsedRow row, Map<String, Integer> claimed) {
        if (!row.valid()) {
            return row;
        }
        Integer first = claimed.putIfAbsent(row.key(), row.number());
        if (first == null) {
            return row;
        }
        return new ParsedRow(
                row.number(),
                row.symbol(),
                row.company(),
                row.year(),
                row.quarter(),
                row.ratios(),
                List.of(new RowError(
                        row.number(), "symbol", row.symbol(), "repeats the company and period of row " + first)));
    }
}
