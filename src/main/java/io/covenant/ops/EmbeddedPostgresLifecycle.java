package io.covenant.ops;

import org.springframework.beans.factory.DisposableBean;

/**
 * Holds this context's claim on the embedded PostgreSQL; the data source depends on it, so the server stops only
 * after the pool has closed, and only when the last context of the JVM lets go.
 */
class EmbeddedPostgresLifecycle implements DisposableBean {

    EmbeddedPostgresLifecycle() {
        EmbeddedPostgresServer.acquire();
    }

    @Override
    public void destroy() {
        EmbeddedPostgresServer.release();
    }
}
