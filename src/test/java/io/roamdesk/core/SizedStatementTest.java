package io.roamdesk.core;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The rendered-once statements bind the caller's values where the typed statement had its parameters. */
class SizedStatementTest {

    private final DSLContext db = DSL.using(SQLDialect.MARIADB);

    private final SizedStatement idCheck = new SizedStatement(50, 2, 1, n -> DSL.select(MESSAGE.MSG_ID).from(MESSAGE)
            .where(MESSAGE.APP_ID.eq(0L)).and(MESSAGE.CONV_KEY.eq("")).and(MESSAGE.MSG_ID.in(Collections.nCopies(n, 0L))));

    @Test
    void rendersTheTypedStatementWithTheCallersValues() {
        var typed = DSL.select(MESSAGE.MSG_ID).from(MESSAGE).where(MESSAGE.APP_ID.eq(7L))
                .and(MESSAGE.CONV_KEY.eq("c:a:b")).and(MESSAGE.MSG_ID.in(11L, 12L));
        Object[] binds = {7L, "c:a:b", 11L, 12L};
        assertThat(db.resultQuery(idCheck.sql(2, binds, db::render), binds).getSQL(ParamType.INLINED)).isEqualTo(db.renderInlined(typed));
        assertThat(idCheck.sql(2, new Object[] {1L, "x", 2L, 3L}, db::render)).as("one text for every call of the size").isEqualTo(db.render(typed));
    }

    @Test
    void refusesBindsThatDoNotFitTheShape() {
        assertThatThrownBy(() -> idCheck.sql(2, new Object[] {7L, "c:a:b", 11L}, db::render)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> idCheck.sql(51, new Object[53], db::render)).isInstanceOf(IllegalArgumentException.class);
        SizedStatement inlined = new SizedStatement(5, 1, 1, n -> DSL.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(DSL.inline(0L))).and(MESSAGE.MSG_ID.in(Collections.nCopies(n, 0L))));
        assertThatThrownBy(() -> inlined.sql(1, new Object[] {1L, 2L}, db::render)).isInstanceOf(IllegalStateException.class);
    }
}
