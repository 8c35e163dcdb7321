package io.covenant.shared.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Turns a PostgreSQL integrity error into the domain error a client understands: a duplicate is a 409, a missing
 * reference or a broken rule a 422 naming the field, a row still referenced a 409. Messages per constraint live in
 * {@code db/constraint-messages.properties}, beside the migrations that define the constraints.
 */
public final class DatabaseErrorTranslator {

    private static final Properties MESSAGES = load();

    private DatabaseErrorTranslator() {}

    /** The domain error for this failure, or empty when it is not a client's fault (a bug or an outage). */
    public static Optional<DomainException> translate(DataAccessException failure) {
        Optional<DomainException> outage = outage(failure);
        return outage.isPresent() ? outage : serverMessage(failure).flatMap(DatabaseErrorTranslator::translate);
    }

    /**
     * An outage rather than a bug, wherever it was met (a repository, or a security filter before any controller):
     * no connection (the pool timed out or the server is gone), a connection lost mid-statement (SQLSTATE class 08,
     * or 57P01-57P03 while the server shuts down or starts), a statement cancelled by its timeout (57014), or the
     * server out of disk, memory or connections (class 53, insufficient resources).
     */
    public static Optional<DomainException> outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
                return Optional.of(
                        new DatabaseUnavailable("No database connection could be had in time; try again shortly"));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return Optional.of(new DatabaseUnavailable("The database connection was lost; try again shortly"));
                }
                if (state.equals("57014")) {
                    return Optional.of(
                            new DatabaseUnavailable("The database did not answer in time; try again shortly"));
                }
                if (state.startsWith("53")) {
                    return Optional.of(new DatabaseUnavailable(
                            state.equals("53100")
                                    ? "The database is out of disk space; nothing was changed, try again once space is freed"
                                    : "The database is out of resources; try again shortly"));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<DomainException> translate(ServerErrorMessage message) {
        String state = message.getSQLState() == null ? "" : message.getSQLState();
        String constraint = message.getConstraint();
        Explanation explanation = explain(constraint, message);
        return Optional.ofNullable(
                switch (state) {
                    case "23505" ->
                        new Conflict(
                                "duplicate",
                                "Already exists",
                                explanation.sentence(),
                                List.of(FieldError.of(explanation.field(), explanation.message())));
                    case "23503" ->
                        message.getMessage() != null && message.getMessage().contains("still referenced")
                                ? new Conflict(
                                        "still-referenced",
                                        "Still in use",
                                        "This row is still referenced by other rows (" + constraint + ")")
                                : rule(explanation);
                    case "23514", "23P01" -> rule(explanation);
                    case "23502" -> InvalidInput.of(message.getColumn(), "is required");
                    case "22001" ->
                        new InvalidInput(
                                "A value is longer than its field allows",
                                List.of(FieldError.of(fieldOr(message.getColumn()), "is too long")));
                    case "22003", "22P02", "22007", "22008", "2201X", "2201W" ->
                        new InvalidInput(
                                "A value has the wrong form or is out of range: " + message.getMessage(),
                                List.of(FieldError.of(fieldOr(message.getColumn()), message.getMessage())));
                    default -> null;
                });
    }

    private static DomainException rule(Explanation explanation) {
        return new InvalidInput(
                explanation.sentence(), List.of(FieldError.of(explanation.field(), explanation.message())));
    }

    private static Explanation explain(String constraint, ServerErrorMessage message) {
        String text = constraint == null ? null : MESSAGES.getProperty(constraint);
        if (text != null) {
            int bar = text.indexOf('|');
            return new Explanation(
                    text.substring(0, bar).trim(), text.substring(bar + 1).trim());
        }
        String field = message.getColumn() != null ? message.getColumn() : "request";
        String rule = constraint != null ? constraint.replace('_', ' ') : "a database rule";
        return new Explanation(field, "breaks the rule '" + rule + "'");
    }

    private static String fieldOr(String column) {
        return column != null ? column : "request";
    }

    private static Optional<ServerErrorMessage> serverMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql.getServerErrorMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = DatabaseErrorTranslator.class.getResourceAsStream("/db/constraint-messages.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

    private record Explanation(String field, String message) {

        String sentence() {
            return field + " " + message;
        }
    }
}
