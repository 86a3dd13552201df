package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Opaque cursors. Each names its position and a checksum of its scope (app, owner, conversation,
 * filters), so a cursor handed to another conversation or another filter is refused with a 400
 * instead of silently paging the wrong data.
 */
final class Cursors {

    /** A decoded cursor: the keyset position plus one number of context (direction or count). */
    record Position(long key, long extra) {
    }

    private Cursors() {
    }

    static String encode(String kind, long key, long extra, String scope) {
        String raw = kind + "." + key + "." + extra + "." + checksum(scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Position decode(String kind, String cursor, String scope) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw RoamdeskException.badRequest("cursor is not valid");
        }
        String[] parts = raw.split("\\.");
        if (parts.length != 4 || !parts[0].equals(kind)) {
            throw RoamdeskException.badRequest("cursor is not valid");
        }
        if (!parts[3].equals(checksum(scope))) {
            throw RoamdeskException.badRequest("cursor belongs to another conversation or query");
        }
        try {
            return new Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw RoamdeskException.badRequest("cursor is not valid");
        }
    }

    private static String checksum(String scope) {
        CRC32 crc = new CRC32();
        crc.update(scope.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
