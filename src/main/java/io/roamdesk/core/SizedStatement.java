package io.roamdesk.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A hot statement whose SQL depends only on how many values it lists (an IN list, a multi-row
 * insert): jOOQ renders it once per size from its typed form, later calls only bind their values
 * (what jOOQ's manual suggests for statements run often: rendering a 50-value statement cost about
 * as much JVM time as the database spent running it). The values are bound in the order in which
 * the shape's parameters appear; the shape renders its values as parameters, never inline.
 */
public final class SizedStatement {

    private final int maxSize;
    private final int fixedBinds;
    private final int bindsPerValue;
    private final IntFunction<? extends Query> shape;
    private final ConcurrentHashMap<Integer, String> rendered = new ConcurrentHashMap<>();
    // as Spring's jOOQ integration translates: deadlocks stay retryable, constraint violations one send's fault
    private static final SQLExceptionTranslator ERRORS = new SQLErrorCodeSQLExceptionTranslator("MySQL");

    /**
     * @param fixedBinds    parameters the shape has whatever its size (e.g. the app and the conversation)
     * @param bindsPerValue parameters each listed value adds (1 for an IN list, the columns of an insert)
     * @param shape         the statement for a size, with placeholder values of the right types
     */
    public SizedStatement(int maxSize, int fixedBinds, int bindsPerValue, IntFunction<? extends Query> shape) {
        this.maxSize = maxSize;
        this.fixedBinds = fixedBinds;
        this.bindsPerValue = bindsPerValue;
        this.shape = shape;
    }

    /**
     * The SQL of {@code size} values for these binds, rendered by {@code render} (the repository's
     * {@code DSLContext::render}) the first time this size is asked for; the repository runs it with
     * the binds.
     */
    public String sql(int size, Object[] binds, Function<QueryPart, String> render) {
        if (size < 1 || size > maxSize || binds.length != fixedBinds + size * bindsPerValue) {
            throw new IllegalArgumentException(binds.length + " binds for " + size + " values (at most " + maxSize + ")");
        }
        return rendered.computeIfAbsent(size, n -> {
            String sql = render.apply(shape.apply(n));
            long placeholders = sql.chars().filter(c -> c == '?').count();
            if (placeholders != binds.length) { // a shape with an inlined value would bind the wrong values
                throw new IllegalStateException("the shape of " + n + " values renders " + placeholders + " parameters");
            }
            return sql;
        });
    }

    /**
     * Runs the statement of {@code size} values with these binds on the connection (the repository's
     * {@code DSLContext::connectionResult}, so it joins the transaction) straight through JDBC: for the
     * inserts of every send, jOOQ's parsing and binding of the rendered SQL cost as much as building
     * it did. Answers the rows changed; database errors come as Spring's DataAccessExceptions. A
     * generated enum is bound as its literal, as jOOQ binds it.
     */
    public int update(Connection connection, int size, Object[] binds, Function<QueryPart, String> render) {
        String sql = sql(size, binds, render);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i] instanceof org.jooq.EnumType e ? e.getLiteral() : binds[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw java.util.Objects.requireNonNull(ERRORS.translate("sized statement", sql, e));
        }
    }
}
