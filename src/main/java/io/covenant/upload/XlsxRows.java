package io.covenant.upload;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Rows of the first sheet of an XLSX workbook, streamed (a hundred rows in memory at a time). POI refuses entries
 * that inflate more than 100-fold or past 256 MB, which is what a decompression bomb does.
 */
final class XlsxRows extends ReaderRows<Row> {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
    }

    XlsxRows(byte[] content) {
        this(StreamingReader.builder()
                .rowCacheSize(100)
                .bufferSize(8192)
                .setReadComments(false)
                .setReadHyperlinks(false)
                .setReadShapes(false)
                .open(new ByteArrayInputStream(content)));
    }

    private XlsxRows(Workbook workbook) {
        super(
                workbook,
                workbook.getNumberOfSheets() == 0
                        ? Collections.emptyIterator()
                        : workbook.getSheetAt(0).rowIterator());
    }

    @Override
    SourceRow row(Row row) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
            while (cells.size() < cell.getColumnIndex()) {
                cells.add("");
            }
            cells.add(text(cell));
        }
        return new SourceRow(row.getRowNum() + 1, cells);
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
