package io.covenant.training;

import static org.awaitility.Awaitility.await;

import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.prediction.Ratio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A UCI Polish bankruptcy file as an annual upload: one company per row ({@code PL<row>}), its ratios computed by the
 * training's feature mapping and clipped, four decimals, blank when missing; rows without any ratio are left out, as
 * an upload refuses them. Uploads it through {@code POST /api/v1/uploads} and waits for the job.
 */
public final class PolishUploads {

    /** The CSV and the bankruptcy label of each symbol in it. */
    public record Upload(byte[] csv, Map<String, Integer> labels) {}

    private PolishUploads() {}

    public static Path data(String file) {
        return Path.of("..", "shared", "data", "polish_bankruptcy", file);
    }

    /** The annual CSV of a file, each row's ratios (in {@link Ratio#ANNUAL} order) passed through {@code change}. */
    public static Upload annual(String file, UnaryOperator<double[]> change) throws IOException {
        Arff arff = Arff.read(data(file));
        double[][] x = Trainer.matrix(Ratio.ANNUAL, arff, true);
        StringBuilder csv = new StringBuilder("symbol,name,sector,reporting_year");
        Ratio.ANNUAL.forEach(r -> csv.append(',').append(r.key()));
        csv.append('\n');
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] ratios = change.apply(x[i].clone());
            if (Arrays.stream(ratios).allMatch(Double::isNaN)) {
                continue;
            }
            String symbol = "PL" + i;
            labels.put(symbol, arff.labels()[i]);
            csv.append(symbol).append(",Polish company ").append(i).append(",Manufacturing,2020");
            for (double v : ratios) {
                csv.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v));
            }
            csv.append('\n');
        }
        return new Upload(csv.toString().getBytes(StandardCharsets.UTF_8), labels);
    }

    /** Uploads the file as {@code person} and returns the finished job. */
    public static Map<String, Object> upload(Fixtures fixtures, Person person, Upload upload, String filename) {
        String id = fixtures.as(person)
                .contentType("multipart/form-data")
                .multiPart("file", filename, upload.csv())
                .multiPart("job_type", "annual")
                .post("/api/v1/uploads")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> fixtures.as(person)
                                .get("/api/v1/uploads/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Map<String, Object>>as(Map.class),
                        job -> List.of("completed", "failed", "cancelled").contains(job.get("status")));
    }
}
