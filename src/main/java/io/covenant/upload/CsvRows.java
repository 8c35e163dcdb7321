package io.covenant.upload;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Rows of a UTF-8 CSV file (a byte-order mark is allowed), numbered by the line they start on. */
final class CsvRows extends ReaderRows<CsvRecord> {

    CsvRows(byte[] content) {
        this(CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
    }

    private CsvRows(CsvReader<CsvRecord> reader) {
        super(reader, reader.iterator());
    }

    @Override
    SourceRow row(CsvRecord record) {
        return new SourceRow((int) record.getStartingLineNumber(), record.getFields());
    }
}
