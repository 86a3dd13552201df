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
        assertThat(idCheck.select(db, 2, 7L, "c:a:b", 11L, 12L).getSQL(ParamType.INLINED)).isEqualTo(db.renderInlined(typed));
        assertThat(idCheck.select(db, 2, 1L, "x", 2L, 3L).getSQL()).as("one text for every call of the size").isEqualTo(db.render(typed));
    }

    @Test
    void refusesBindsThatDoNotFitTheShape() {
        assertThatThrownBy(() -> idCheck.select(db, 2, 7L, "c:a:b", 11L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> idCheck.select(db, 51, new Object[53])).isInstanceOf(IllegalArgumentException.class);
        SizedStatement inlined = new SizedStatement(5, 1, 1, n -> DSL.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(DSL.inline(0L))).and(MESSAGE.MSG_ID.in(Collections.nCopies(n, 0L))));
        assertThatThrownBy(() -> inlined.select(db, 1, 1L, 2L)).isInstanceOf(IllegalStateException.class);
    }
}
