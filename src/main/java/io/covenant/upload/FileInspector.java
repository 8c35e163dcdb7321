package io.covenant.upload;

import io.covenant.shared.error.DomainException;
import io.covenant.shared.text.StorableText;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a whole file once before it becomes a job: what it is, whether its header fits the job type, and how many
 * data rows it has. Whatever the file does wrong (binary junk, broken CSV quoting, a ZIP that is no workbook, a
 * decompression bomb) ends here as a clear refusal instead of a failed job.
 */
@Component
record FileInspector(UploadProperties properties) {

    /** Refuses a file, or a request said to carry one ({@code envelope} bytes more), larger than the limit. */
    void requireWithinLimit(long size, long envelope) {
        long limit = properties.maxFileSize().toBytes();
        if (size > limit + envelope) {
            throw UploadRefused.tooLarge(size, limit);
        }
    }

    Inspection inspect(JobType type, byte[] content) {
        if (content.length == 0) {
            throw UploadRefused.invalid("it is empty");
        }
        FileFormat format = FileFormat.of(content);
        try (RowSource rows = RowSource.open(format, content)) {
            if (!rows.hasNext()) {
                throw UploadRefused.invalid("it has no header row");
            }
            SourceRow header = rows.next();
            refuseUnstorable(header);
            Columns columns = Columns.of(type, header);
            int count = 0;
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                refuseUnstorable(row);
                if (!row.blank() && ++count > properties.maxRows()) {
                    throw UploadRefused.invalid("it has more than " + properties.maxRows() + " data rows, the limit");
                }
            }
            if (count == 0) {
                throw UploadRefused.invalid("it has a header but no data rows");
            }
            return new Inspection(format, count, columns.ignored);
        } catch (DomainException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw UploadRefused.invalid(unreadable(format, ex));
        }
    }

    /**
     * A cell with a NUL (or a lone surrogate) means the file is binary or not UTF-8 text, such as UTF-16; PostgreSQL
     * could not store it anyway. The file is refused whole, naming the first such row and column.
     */
    private static void refuseUnstorable(SourceRow row) {
        for (int column = 0; column < row.cells().size(); column++) {
            String cell = row.cells().get(column);
            int at = cell == null ? -1 : StorableText.firstUnstorable(cell);
            if (at >= 0) {
                throw UploadRefused.invalid("it is not readable text: row " + row.number() + ", column "
                        + (column + 1) + " " + StorableText.problem(cell, at)
                        + " (a binary file, or text not encoded as UTF-8?)");
            }
        }
    }

    /** Says what is wrong with the file without the parser's internals. */
    private static String unreadable(FileFormat format, Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb")
                    || message.contains("max entry size")
                    || message.contains("exceeds the max")) {
                return "it expands to far more than its size (a decompression bomb?) and was not read";
            }
        }
        return format == FileFormat.XLSX
                ? "it is not a readable XLSX workbook"
                : "it is not well-formed CSV (" + firstLine(ex) + ")";
    }

    private static String firstLine(Throwable ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** What a file holds. */
    record Inspection(FileFormat format, int rows, List<String> ignored) {}
}
