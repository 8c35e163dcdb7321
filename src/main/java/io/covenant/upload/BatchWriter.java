package io.covenant.upload;

import io.covenant.company.Companies;
import io.covenant.company.CompanyCommand;
import io.covenant.company.CompanyMatch;
import io.covenant.prediction.ImportedPredictions;
import io.covenant.prediction.PredictionImports;
import io.covenant.prediction.PredictionRow;
import io.covenant.shared.error.DatabaseErrorTranslator;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.JsonNames;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one batch of a job in one transaction: its companies (matched or created), its predictions, its row errors
 * and the job's progress, so that a batch is stored whole or not at all and the progress is the checkpoint a resumed
 * job starts after. A batch the database refuses is split until the refused row is found and reported.
 */
@Component
record BatchWriter(
        Companies companies,
        PredictionImports predictions,
        UploadRepository repository,
        TransactionTemplate transaction,
        Validator validator) {

    /**
     * Writes the batch; false when the job was cancelled or taken over and this runner must stop. {@code checked}
     * holds the {@link #problems} of profiles found ahead (by identity), which are not checked again here.
     */
    boolean write(Job job, List<ParsedRow> batch, Map<CompanyCommand, List<RowError>> checked) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!repository.holds(job.id(), job.node())) {
                    return false;
                }
                Outcome outcome = store(job, batch, checked);
                repository.insertErrors(job.id(), outcome.errors());
                repository.progress(job.id(), batch.size(), outcome.stored(), outcome.failedRows());
                return true;
            }));
        } catch (NonTransientDataAccessException ex) {
            if (ex instanceof DataAccessResourceFailureException) {
                throw ex;
            }
            if (batch.size() > 1) {
                int half = batch.size() / 2;
                return write(job, batch.subList(0, half), checked)
                        && write(job, batch.subList(half, batch.size()), checked);
            }
            return refuse(job, batch.get(0), ex);
        }
    }

    private boolean refuse(Job job, ParsedRow row, DataAccessException ex) {
        String reason =
                DatabaseErrorTranslator.translate(ex).map(Throwable::getMessage).orElse("the database refused the row");
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!repository.holds(job.id(), job.node())) {
                return false;
            }
            repository.insertErrors(job.id(), List.of(new RowError(row.number(), null, null, reason)));
            repository.progress(job.id(), 1, 0, 1);
            return true;
        }));
    }

    /** Why a company could not be created from this row's profile; empty when it can. */
    List<RowError> problems(ParsedRow row) {
        Set<ConstraintViolation<CompanyCommand>> violations = validator.validate(row.company());
        return violations.stream()
                .map(v -> new RowError(
                        0,
                        JsonNames.snake(v.getPropertyPath().toString()),
                        String.valueOf(v.getInvalidValue()),
                        v.getMessage() + " (needed to create company " + row.symbol() + ")"))
                .toList();
    }

    private Outcome store(Job job, List<ParsedRow> batch, Map<CompanyCommand, List<RowError>> checked) {
        List<RowError> errors = new ArrayList<>();
        Map<String, ParsedRow> profiles = new LinkedHashMap<>();
        for (ParsedRow row : batch) {
            if (row.valid()) {
                profiles.putIfAbsent(row.symbol(), row);
            } else {
                errors.addAll(row.errors());
            }
        }
        Map<String, CompanyMatch> resolved =
                new HashMap<>(companies.matchForUpload(job.caller(), job.level(), profiles.keySet()));
        Map<String, List<RowError>> invalidProfiles = new HashMap<>();
        List<CompanyCommand> create = new ArrayList<>();
        profiles.forEach((symbol, first) -> {
            if (resolved.containsKey(symbol)) {
                return;
            }
            List<RowError> problems = checked.get(first.company());
            if (problems == null) {
                problems = problems(first);
            }
            if (problems.isEmpty()) {
                create.add(first.company());
            } else {
                invalidProfiles.put(symbol, problems);
            }
        });
        resolved.putAll(companies.createForUpload(job.caller(), job.level(), create));

        List<PredictionRow> rows = new ArrayList<>();
        for (ParsedRow row : batch) {
            if (!row.valid()) {
                continue;
            }
            CompanyMatch company = resolved.get(row.symbol());
            if (company == null) {
                invalidProfiles
                        .getOrDefault(
                                row.symbol(),
                                List.of(new RowError(
                                        0,
                                        "symbol",
                                        row.symbol(),
                                        "no company could be matched or created for this symbol")))
                        .forEach(e -> errors.add(new RowError(row.number(), e.column(), e.value(), e.reason())));
                continue;
            }
            rows.add(new PredictionRow(row.number(), company.id(), row.year(), row.quarter(), row.ratios()));
        }
        ImportedPredictions written = predictions.write(job.caller(), job.type().value(), job.level(), rows);
        written.refused().forEach((number, reason) -> errors.add(new RowError(number, null, null, reason)));
        Set<Integer> failed = new TreeSet<>();
        errors.forEach(e -> failed.add(e.rowNumber()));
        errors.sort(Comparator.comparingInt(RowError::rowNumber));
        return new Outcome(written.created() + written.updated(), failed.size(), errors);
    }

    /** The job a batch belongs to, and who writes it. */
    record Job(UUID id, String node, JobType type, AccessLevel level, Caller caller) {}

    private record Outcome(int stored, int failedRows, List<RowError> errors) {}
}
