package io.covenant.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Generated upload files: quarterly rows of {@code companies} companies over four quarters each, with chosen rows
 * broken in varied ways, as CSV or XLSX; and the hostile files the upload must refuse.
 */
public final class UploadFiles {

    static final String QUARTERLY_HEADER = "symbol,name,sector,country,market_cap,reporting_year,reporting_quarter,"
            + "current_ratio,quick_ratio,debt_to_equity,inventory_turnover,receivables_turnover,"
            + "working_capital_to_total_assets";

    private UploadFiles() {}

    /** A quarterly file's rows (header first) and which row numbers are broken. */
    public record Generated(List<List<String>> rows, Set<Integer> broken) {

        public int dataRows() {
            return rows.size() - 1;
        }

        public byte[] csv() {
            StringBuilder s = new StringBuilder();
            for (List<String> row : rows) {
                s.append(String.join(",", row)).append('\n');
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        public byte[] xlsx() {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet("predictions");
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        String v = cells.get(c);
                        // Numbers go in as numeric cells, as a spreadsheet user's would.
                        if (r > 0 && v.matches("-?\\d+(\\.\\d+)?") && c >= 4) {
                            row.createCell(c).setCellValue(Double.parseDouble(v));
                        } else {
                            row.createCell(c).setCellValue(v);
                        }
                    }
                }
                workbook.write(out);
                workbook.dispose();
                return out.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** {@code companies} x 4 quarters of 2024; every {@code brokenEvery}-th data row broken (0: none). */
    public static Generated quarterly(String prefix, int companies, int brokenEvery, long seed) {
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(QUARTERLY_HEADER.split(",")));
        Set<Integer> broken = new TreeSet<>();
        int data = 0;
        for (int c = 0; c < companies; c++) {
            String symbol = (prefix + Integer.toString(c, 36)).toUpperCase(Locale.ROOT);
            for (int q = 1; q <= 4; q++) {
                data++;
                List<String> row = new ArrayList<>(List.of(
                        symbol,
                        "Company " + symbol,
                        "Sector " + (c % 7),
                        "USA",
                        Long.toString(1_000_000L + c),
                        "2024",
                        "Q" + q,
                        ratio(random, 0.2, 4),
                        ratio(random, 0.1, 3),
                        ratio(random, 0, 4.5),
                        ratio(random, 0.5, 40),
                        ratio(random, 0.5, 40),
                        ratio(random, -0.8, 0.9)));
                if (brokenEvery > 0 && data % brokenEvery == 0) {
                    breakRow(row, data / brokenEvery);
                    broken.add(data + 1);
                }
                rows.add(row);
            }
        }
        return new Generated(rows, broken);
    }

    /** Breaks a row in one of several ways a real file goes wrong. */
    private static void breakRow(List<String> row, int kind) {
        switch (kind % 6) {
            case 0 -> row.set(7, "abc");
            case 1 -> row.set(9, "7.5");
            case 2 -> row.set(6, "Q5");
            case 3 -> row.set(5, "24");
            case 4 -> row.set(12, "-3");
            default -> row.set(0, "BAD SYMBOL!");
        }
    }

    private static String ratio(Random random, double min, double max) {
        return String.format(Locale.ROOT, "%.4f", min + random.nextDouble() * (max - min));
    }

    /** A workbook whose sheet inflates a thousand-fold: a decompression bomb. */
    public static byte[] xlsxBomb() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					</Types>""");
            entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
            entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
					<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					</Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                            .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
