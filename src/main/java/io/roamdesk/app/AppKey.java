package io.roamdesk.app;

import io.roamdesk.core.RoamdeskException;
import java.util.regex.Pattern;

/** An app's address: {@code org#app}, as in the vendor's app key. */
public record AppKey(String org, String app) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public AppKey {
        if (!NAME.matcher(org).matches() || !NAME.matcher(app).matches()) {
            throw RoamdeskException.badRequest("invalid org or app name");
        }
    }

    /** Parses {@code org#app}. */
    public static AppKey parse(String key) {
        int hash = key.indexOf('#');
        if (hash < 0) {
            throw RoamdeskException.badRequest("app key must look like org#app");
        }
        return new AppKey(key.substring(0, hash), key.substring(hash + 1));
    }

    @Override
    public String toString() {
        return org + "#" + app;
    }
}
