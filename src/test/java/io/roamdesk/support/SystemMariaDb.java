package io.roamdesk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The machine's own MariaDB server (Debian's {@code mariadb-server}, 10.11 on Debian 12), started as
 * a plain process of the test JVM: a fresh data directory from {@code mariadb-install-db} in a temp
 * directory, a free port on 127.0.0.1, no grant tables (any user name, no password: reachable from
 * this machine only), and stopped with SIGTERM when the Spring context closes. Never a system
 * service. Settings match {@link EmbeddedMariaDb}'s.
 */
final class SystemMariaDb implements TestDatabase {

    private final Process server;
    private final Path dir;
    private final int port;

    private SystemMariaDb(Process server, Path dir, int port) {
        this.server = server;
        this.dir = dir;
        this.port = port;
    }

    static SystemMariaDb start() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("roamdesk-system-mariadb");
            Path data = dir.resolve("data");
            run(List.of(binary("mariadb-install-db"), "--no-defaults", "--user=" + user(), "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(binary("mariadbd"), "--no-defaults", "--user=" + user(),
                    "--datadir=" + data, "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                    "--port=" + port, "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve",
                    "--character-set-server=utf8mb4", "--innodb-buffer-pool-size=512M",
                    "--innodb-flush-log-at-trx-commit=2", "--max-connections=300", "--log-error=" + dir.resolve("error.log")));
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.out").toFile()).start();
            SystemMariaDb db = new SystemMariaDb(server, dir, port);
            db.awaitReady();
            return db;
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new IllegalStateException("the machine's MariaDB server did not start"
                    + (dir == null ? "" : " (logs in " + dir + ")"), e);
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue());
            }
            try (var c = DriverManager.getConnection(jdbcUrl(), "root", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        server.destroyForcibly();
        throw new IllegalStateException("mariadbd did not accept connections within 60 s", last);
    }

    @Override
    public String jdbcUrl() {
        return TestDatabase.jdbcUrl(port);
    }

    @Override
    public void freeze() {
        TestDatabase.signal(server.pid(), "-STOP");
    }

    @Override
    public void thaw() {
        TestDatabase.signal(server.pid(), "-CONT");
    }

    @Override
    public void stop() throws InterruptedException, IOException {
        thaw();
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
        }
    }

    /** Debian puts {@code mariadbd} in /usr/sbin, which is not on every user's PATH. */
    private static String binary(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
        for (String d : dirs) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " not found: install Debian's mariadb-server (scripts/test.sh does)");
    }

    /** mariadbd refuses to run as root unless told to. */
    private static String user() {
        return System.getProperty("user.name");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
