-- No module publishes events to an asynchronous listener, so Spring Modulith's JDBC outbox was never written to.
DROP TABLE IF EXISTS event_publication;
