package io.roamdesk.support;

/**
 * The database server a test context (or the dev run) uses: the embedded MariaDB by default, or the
 * machine's own MariaDB server binaries with {@code -Droamdesk.test.database=system} (the second
 * database of the test suite, see {@code pom.xml} profile {@code second-database}).
 */
public interface TestDatabase {

    String DATABASE = "roamdesk";

    String jdbcUrl();

    void stop() throws Exception;

    /** Freezes the server (SIGSTOP): connections stay open and every statement hangs, as in a stall. */
    void freeze();

    /** Lets a frozen server run again (SIGCONT). */
    void thaw();

    /** Sends a signal ({@code -STOP}, {@code -CONT}) to a server process. */
    static void signal(long pid, String which) {
        try {
            Process kill = new ProcessBuilder("kill", which, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + which + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static TestDatabase start() {
        String which = System.getProperty("roamdesk.test.database", "embedded");
        return switch (which) {
            case "embedded" -> EmbeddedMariaDb.start();
            case "system" -> SystemMariaDb.start();
            default -> throw new IllegalArgumentException("roamdesk.test.database is 'embedded' or 'system', not " + which);
        };
    }

    static String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC";
    }
}
