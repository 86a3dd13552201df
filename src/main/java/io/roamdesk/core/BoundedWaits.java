package io.roamdesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * No request waits on the database longer than {@code roamdesk.database.statement-timeout}: every
 * connection the application's transactions and jOOQ take from the pool gets that socket read
 * timeout first, so a frozen or unreachable server fails the request (also in the round trips a
 * transaction makes before its first statement) instead of holding its thread for as long as the
 * operating system keeps the socket. The pool puts the connection's own value back when it is
 * returned; schema migrations use the pool directly and keep no limit.
 */
public final class BoundedWaits {

    private final DataSource bounded;

    BoundedWaits(DataSource pool, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        this.bounded = new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return bound(super.getConnection(), millis);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return bound(super.getConnection(username, password), millis);
            }
        };
    }

    /** The pool as the application's transactions and statements must use it (one instance for both). */
    public DataSource dataSource() {
        return bounded;
    }

    private static Connection bound(Connection connection, int millis) throws SQLException {
        try {
            // a socket option set on this thread: no round trip to the server
            connection.setNetworkTimeout(Runnable::run, millis);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
