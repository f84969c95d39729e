package id.rujukan.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A real PostgreSQL server (the binaries come from a Maven artifact) in a child process, with one
 * database per service that owns data.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private volatile EmbeddedPostgres postgres;
    /** How to start it again on the same data, for a durable server; {@code null} for an ephemeral one. */
    private final EmbeddedPostgres.Builder durable;

    private PostgresServer(EmbeddedPostgres postgres, EmbeddedPostgres.Builder durable) {
        this.postgres = postgres;
        this.durable = durable;
    }

    /**
     * Starts a durable server that keeps its data in {@code dataDir} across restarts. Durability is on
     * (fsync, synchronous commit): the embedded defaults turn it off, which would let a crash lose
     * referrals.
     */
    public static PostgresServer startDurable(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                // whoever starts it stops it, after the services that use it
                .setRegisterShutdownHook(false);
        return new PostgresServer(builder.start(), builder);
    }

    /**
     * Stops a durable server (a fast shutdown: connections are cut, as in an outage); {@link #startAgain()}
     * brings it back on the same port and data.
     */
    public void stop() throws IOException {
        if (durable == null) {
            throw new IllegalStateException("only a durable server can be stopped and started again");
        }
        postgres.close();
    }

    /** Starts a stopped durable server again, on its port and data. */
    public void startAgain() throws IOException {
        postgres = durable.start();
    }

    /** Starts a throw-away server on a free port, for tests: fast, not durable. */
    public static PostgresServer startEphemeral() throws IOException {
        return startEphemeral(false);
    }

    /**
     * Starts a throw-away server on a free port; {@code durable} turns fsync and synchronous commit on,
     * for benchmarks whose figures must hold for a real deployment.
     */
    public static PostgresServer startEphemeral(boolean durable) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "200");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return new PostgresServer(builder.start(), null);
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(Collection<String> names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (PreparedStatement exists = connection.prepareStatement(
                        "select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Creating databases failed", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
