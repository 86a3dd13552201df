package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;

/** The value-added switches every roaming operation checks before it reads or changes anything. */
public final class Switches {

    static final String ONE_WAY_OFF = "this appKey not open message one-way delete";

    private Switches() {
    }

    public static void requireRoaming(App app) {
        if (!app.settings().roamingEnabled()) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "forbidden_op", AppService.ROAMING_OFF);
        }
    }

    static void requireOneWayDelete(App app) {
        requireRoaming(app);
        if (!app.settings().oneWayDeleteEnabled()) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "forbidden_op", ONE_WAY_OFF);
        }
    }
}
