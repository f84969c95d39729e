package id.rujukan.infra.testing;

import id.rujukan.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Real PostgreSQL for a service's tests. The database name comes from the resource argument
 * {@code database}. With the system property {@code rujukan.test.postgres.durable=true} (benchmarks),
 * fsync and synchronous commit are on.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database = "app";

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = PostgresServer.startEphemeral(Boolean.getBoolean("rujukan.test.postgres.durable"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createDatabases(List.of(database));
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
