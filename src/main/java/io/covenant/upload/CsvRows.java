package io.covenant.upload;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Rows of a UTF-8 CSV file (a byte-order mark is allowed), numbered by the line they start on. */
final class CsvRows implements RowSource {

    private final CsvReader<CsvRecord> reader;

    private final Iterator<CsvRecord> records;

    CsvRows(byte[] content) {
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
        this.records = reader.iterator();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public SourceRow next() {
        CsvRecord record = records.next();
        return new SourceRow((int) record.getStartingLineNumber(), record.getFields());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
