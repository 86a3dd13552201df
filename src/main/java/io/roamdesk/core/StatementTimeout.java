package io.roamdesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * No statement waits on the database longer than {@code roamdesk.database.statement-timeout}: a
 * frozen or unreachable server then fails the request instead of holding its thread for as long
 * as the operating system keeps the socket. Set on the connection (a socket read timeout, no round
 * trip) before each jOOQ statement; the pool puts the connection's own value back when it is
 * returned, so schema migrations, which do not run through jOOQ, keep no limit.
 */
final class StatementTimeout implements ExecuteListener {

    private final int millis;

    StatementTimeout(Duration timeout) {
        this.millis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        Connection connection = ctx.connection();
        if (connection == null) {
            return;
        }
        try {
            if (connection.getNetworkTimeout() != millis) {
                connection.setNetworkTimeout(Runnable::run, millis);
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("could not bound the statement's wait", e);
        }
    }
}
