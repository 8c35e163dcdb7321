package io.covenant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.prediction.CompiledTrees;
import io.covenant.prediction.NativePredictor;
import io.covenant.prediction.Ratio;
import io.covenant.prediction.RiskModels;
import io.covenant.prediction.Scores;
import io.covenant.shared.security.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Scoring speed (issues 4 and 14): 1,000,000 quarterly rows scored in-process in batches (both models and the
 * ensemble; the trees compiled, beside LightGBM's native predictor in the same run), and
 * single annual and quarterly predictions through HTTP, each persisted. Run with {@code ./mvnw -Pbench test}.
 */
@ApiTest
class ScoringBenchmark {

    static final int ROWS = 1_000_000;

    static final int BATCH = 10_000;

    @Autowired
    RiskModels models;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    @Test
    void scoresAMillionRowsAndServesSinglePredictionsQuickly() throws Exception {
        Random random = new Random(7);
        int d = Ratio.QUARTERLY.size();
        double[] batch = new double[BATCH * d];
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < d; j++) {
                Ratio r = Ratio.QUARTERLY.get(j);
                batch[i * d + j] = r.min + random.nextDouble() * (r.max - r.min);
            }
        }
        Timed ensemble = rowsTimed(() -> models.ensembleProbabilities(batch, BATCH));
        double seconds = ensemble.wall();
        double rowsPerSecond = ROWS / seconds;
        // The same trees through LightGBM's own predictor (native, as scoring ran before), in the same run.
        double nativeSeconds;
        try (NativePredictor lightGbm =
                new NativePredictor(models.quarterlyArtifact().gbm(), d)) {
            nativeSeconds = rowsTimed(() -> lightGbm.raw(batch, BATCH)).wall();
        }
        CompiledTrees trees = CompiledTrees.of(models.quarterlyArtifact().gbm(), d);
        Timed compiled = rowsTimed(() -> trees.raw(batch, BATCH));
        double compiledSeconds = compiled.wall();
        double parallelSeconds =
                rowsTimed(() -> trees.rawParallel(batch, BATCH)).wall();
        // The exact walk, row by row and node by node, as every batch was scored before the block path.
        double[] row = new double[d];
        Timed exact = rowsTimed(() -> {
            double[] out = new double[BATCH];
            for (int i = 0; i < BATCH; i++) {
                System.arraycopy(batch, i * d, row, 0, d);
                out[i] = trees.raw(row);
            }
            return out;
        });
        double exactSeconds = exact.wall();
        Timed upload = rowsTimed(() -> models.scoreQuarterly(batch, BATCH).stream()
                .mapToDouble(Scores.Scored::ensembleProbability)
                .toArray());
        double uploadSeconds = upload.wall();
        int da = Ratio.ANNUAL.size();
        double[] annualBatch = new double[BATCH * da];
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < da; j++) {
                Ratio r = Ratio.ANNUAL.get(j);
                annualBatch[i * da + j] = r.min + random.nextDouble() * (r.max - r.min);
            }
        }
        Timed annualUpload = rowsTimed(() -> models.scoreAnnual(annualBatch, BATCH).stream()
                .mapToDouble(Scores.Scored::ensembleProbability)
                .toArray());
        double annualUploadSeconds = annualUpload.wall();

        double[] one = Arrays.copyOf(batch, d);
        Latency inProcess = Latency.measure(
                "in-process single quarterly score with reasons", 2_000, 20_000, () -> models.scoreQuarterly(one));

        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String company = fixtures.as(analyst)
                .body(Map.of("symbol", "SCB", "name", "Bench", "sector", "Tech"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        KeepAliveClient http = new KeepAliveClient(Integer.parseInt(environment.getProperty("local.server.port")));
        String base = "";
        String auth = "Bearer " + analyst.accessToken();
        int[] year = {1000};
        Latency.Call quarterly = () -> post(
                http,
                base + "/api/v1/predictions/quarterly",
                auth,
                "{\"company_id\":\"" + company + "\",\"reporting_year\":\"" + (1000 + (year[0]++ % 8000))
                        + "\",\"reporting_quarter\":\"Q2\",\"current_ratio\":1.3,\"quick_ratio\":0.9,\"debt_to_equity\":1.2,"
                        + "\"inventory_turnover\":6,\"receivables_turnover\":8,\"working_capital_to_total_assets\":0.15}");
        Latency.Call annual = () -> post(
                http,
                base + "/api/v1/predictions/annual",
                auth,
                "{\"company_id\":\"" + company
                        + "\",\"reporting_year\":\"" + (1000 + (year[0]++ % 8000))
                        + "\",\"long_term_debt_to_total_capital\":0.4,"
                        + "\"total_debt_to_ebitda\":3,\"net_income_margin\":0.05,\"ebit_to_interest_expense\":6,\"return_on_assets\":0.04}");
        // Both paths warmed together until the JIT has compiled them (as in the time-series benchmark).
        for (int i = 0; i < 8_000; i++) {
            quarterly.run();
            annual.run();
        }
        Latency quarterlyHttp =
                Latency.measure("POST /predictions/quarterly (scored and stored)", 1_000, 3_000, quarterly);
        Latency annualHttp = Latency.measure("POST /predictions/annual (scored and stored)", 1_000, 3_000, annual);
        http.close();

        String report = """
				## Scoring (issues 4 and 14), load average %s

				In-process bulk scoring (scorecard + LightGBM compiled to flat arrays + ensemble, batches of %,d): %,d
				rows in %.2f s = **%,.0f rows/s** (one thread).

				| %,d quarterly rows, one thread unless said | rows/s (wall) | rows per CPU-second of the thread |
				|---|---|---|
				| LightGBM's native predictor (`LGBM_BoosterPredictForMat`, its own threads), the trees alone | %,.0f | |
				| the same trees compiled, the exact walk row by row (the path before the block path) | %,.0f | %,.0f |
				| the same trees compiled, the block path (QuickScorer over blocks of 256 rows) | %,.0f (%.1fx native, %.1fx the exact walk) | %,.0f |
				| the block path split over the common fork-join pool and the caller (%d threads) | %,.0f | |
				| the quarterly ensemble probability (trees + scorecard + calibration) | %,.0f | %,.0f |
				| an upload's quarterly scoring (probabilities, risk level, confidence, the scorecard's reasons) | %,.0f | %,.0f |
				| an upload's annual scoring (the same, annual models) | %,.0f | %,.0f |

				| path | p50 ms | p95 ms | p99 ms | samples |
				|---|---|---|---|---|
				| %s | %.3f | %.3f | %.3f | %d |
				| %s | %.3f | %.3f | %.3f | %d |
				| %s | %.3f | %.3f | %.3f | %d |

				Target: a single prediction through HTTP under 5 ms at p95.
				""".formatted(
                        BenchData.loadAverage(),
                        BATCH,
                        ROWS,
                        seconds,
                        rowsPerSecond,
                        ROWS,
                        ROWS / nativeSeconds,
                        ROWS / exactSeconds,
                        ROWS / exact.cpu(),
                        ROWS / compiledSeconds,
                        nativeSeconds / compiledSeconds,
                        exactSeconds / compiledSeconds,
                        ROWS / compiled.cpu(),
                        ForkJoinPool.commonPool().getParallelism() + 1,
                        ROWS / parallelSeconds,
                        ROWS / seconds,
                        ROWS / ensemble.cpu(),
                        ROWS / uploadSeconds,
                        ROWS / upload.cpu(),
                        ROWS / annualUploadSeconds,
                        ROWS / annualUpload.cpu(),
                        inProcess.name(),
                        inProcess.p50(),
                        inProcess.p95(),
                        inProcess.p99(),
                        inProcess.samples(),
                        quarterlyHttp.name(),
                        quarterlyHttp.p50(),
                        quarterlyHttp.p95(),
                        quarterlyHttp.p99(),
                        quarterlyHttp.samples(),
                        annualHttp.name(),
                        annualHttp.p50(),
                        annualHttp.p95(),
                        annualHttp.p99(),
                        annualHttp.samples());
        Path out = Path.of("target", "benchmarks", "scoring.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(ScoringBenchmark.class).warn("\n{}", report);
    }

    /** Wall and calling-thread CPU seconds (the CPU figure is steadier on a busy machine). */
    record Timed(double wall, double cpu) {}

    /** Seconds to score {@link #ROWS} rows in batches, after one warm-up pass over as many. */
    private static Timed rowsTimed(Supplier<double[]> batch) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double checksum = 0;
        for (int done = 0; done < ROWS; done += BATCH) {
            checksum += batch.get()[0];
        }
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        for (int done = 0; done < ROWS; done += BATCH) {
            checksum += batch.get()[0];
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(checksum).isNotNaN();
        return new Timed(seconds, cpu);
    }

    private static void post(KeepAliveClient http, String path, String auth, String body) throws Exception {
        KeepAliveClient.Response response =
                http.post(path, auth, "application/json", body.getBytes(StandardCharsets.UTF_8));
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.text());
        }
    }
}
