package io.covenant.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The UCI Polish bankruptcy ARFF files: 64 numeric attributes ('?' is missing) and a 0/1 class. */
record Arff(String file, double[][] attributes, int[] labels) {

    static Arff read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        boolean data = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("%")) {
                    continue;
                }
                if (!data) {
                    data = line.equalsIgnoreCase("@data");
                    continue;
                }
                String[] cells = line.split(",");
                double[] values = new double[cells.length - 1];
                for (int i = 0; i < values.length; i++) {
                    values[i] = cells[i].equals("?") ? Double.NaN : Double.parseDouble(cells[i]);
                }
                rows.add(values);
                labels.add(Integer.parseInt(
                        cells[cells.length - 1].replace("'", "").trim()));
            }
        }
        return new Arff(
                file.getFileName().toString(),
                rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    int size() {
        return labels.length;
    }

    int positives() {
        return Arrays.stream(labels).sum();
    }
}
