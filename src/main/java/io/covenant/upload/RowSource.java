package io.covenant.upload;

import java.util.Iterator;

/** The rows of an uploaded file, read as a stream: the header first, blank rows skipped. */
interface RowSource extends Iterator<SourceRow>, AutoCloseable {

    static RowSource open(FileFormat format, byte[] content) {
        return switch (format) {
            case CSV -> new CsvRows(content);
            case XLSX -> new XlsxRows(content);
        };
    }

    @Override
    void close();
}
