package io.covenant.shared.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends read-only transactions to a replica and everything else to the primary. A transaction's connection is taken
 * lazily, at its first statement, when the transaction manager has marked it read-only or not (Spring's
 * {@link LazyConnectionDataSourceProxy}); a read-only method that runs without a transaction ({@code SUPPORTS}) is
 * routed at once. A read goes to the primary instead when no replica is available (down, or lagging past
 * {@code covenant.database.replica-max-lag}), when this request wrote, or when a cache fills itself
 * ({@link ReadRouting}).
 */
class ReplicaRoutingDataSource extends DelegatingDataSource {

    final List<Replica> replicas;

    final Duration maxLag;

    final AtomicLong replicaReads = new AtomicLong();

    final AtomicLong primaryReads = new AtomicLong();

    private final LazyConnectionDataSourceProxy lazy;

    private final AtomicInteger next = new AtomicInteger();

    ReplicaRoutingDataSource(DataSource primary, List<Replica> replicas, Duration maxLag) {
        super(primary);
        this.replicas = List.copyOf(replicas);
        this.maxLag = maxLag;
        this.lazy = new LazyConnectionDataSourceProxy();
        lazy.setTargetDataSource(primary);
        // Known, so that the proxy never takes a connection just to learn them.
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        lazy.setReadOnlyDataSource(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return readConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return readConnection();
            }
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return readConnection();
        }
        return lazy.getConnection();
    }

    private Connection readConnection() throws SQLException {
        Replica replica = ReadRouting.primaryRequired() ? null : pick();
        if (replica != null) {
            try {
                Connection connection = replica.reads.getConnection();
                ReadRouting.used(replica);
                replicaReads.incrementAndGet();
                return connection;
            } catch (SQLException ex) {
                replica.down("no connection: " + ex.getMessage());
            }
        }
        primaryReads.incrementAndGet();
        return obtainTargetDataSource().getConnection();
    }

    private Replica pick() {
        int count = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), count);
        for (int i = 0; i < count; i++) {
            Replica replica = replicas.get((start + i) % count);
            if (replica.health().available()) {
                return replica;
            }
        }
        return null;
    }
}
