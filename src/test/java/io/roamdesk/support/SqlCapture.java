package io.roamdesk.support;

import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.conf.ParamType;

/** Records the SQL the application runs while a test has switched recording on. */
public class SqlCapture implements ExecuteListenerProvider {

    private static final List<String> RECORDED = new ArrayList<>();
    private static volatile boolean on;

    public static synchronized void start() {
        RECORDED.clear();
        on = true;
    }

    public static synchronized List<String> stop() {
        on = false;
        return List.copyOf(RECORDED);
    }

    @Override
    public ExecuteListener provide() {
        return new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (on && ctx.query() != null) {
                    synchronized (SqlCapture.class) {
                        RECORDED.add(ctx.query().getSQL(ParamType.INLINED));
                    }
                }
            }
        };
    }
}
