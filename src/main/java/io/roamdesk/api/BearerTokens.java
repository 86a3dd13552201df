package io.roamdesk.api;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.users.UserTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@code Authorization: Bearer <token>} → the caller: an app token's client or a user token's user; else 401. */
@Component
class BearerTokens {

    private final ApiCredentials credentials;
    private final UserTokens userTokens;

    BearerTokens(ApiCredentials credentials, UserTokens userTokens) {
        this.credentials = credentials;
        this.userTokens = userTokens;
    }

    ApiCaller authenticate(App app, @Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RoamdeskException(ErrorKind.UNAUTHORIZED, "unauthorized",
                    "Unable to authenticate due to missing or corrupt token: send Authorization: Bearer <token>");
        }
        String token = header.substring(7).strip();
        if (UserTokens.isUserToken(token)) {
            return userTokens.verify(app, token).map(user -> ApiCaller.endUser(app, user)).orElseThrow(BearerTokens::unknown);
        }
        return credentials.verify(app, token).map(client -> ApiCaller.client(app, client)).orElseThrow(BearerTokens::unknown);
    }

    private static RoamdeskException unknown() {
        return new RoamdeskException(ErrorKind.UNAUTHORIZED, "unauthorized",
                "Unable to authenticate due to expired or unknown token");
    }
}
