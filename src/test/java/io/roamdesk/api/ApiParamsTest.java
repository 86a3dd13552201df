package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Numeric query parameters are plain decimals everywhere: Spring's binding alone took {@code 0x10} as 16. */
@IntegrationTest
class ApiParamsTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** No endpoint lets Spring bind a number from the query string: each goes through {@link ApiParams}. */
    @Test
    void noQueryParameterIsBoundToANumberBySpring() {
        List<String> numeric = new java.util.ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (var p : method.getMethodParameters()) {
                Class<?> t = p.getParameterType();
                boolean number = t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t);
                if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class) && number) {
                    numeric.add(method.getShortLogMessage() + " " + p.getParameterName());
                }
            }
        });
        assertThat(numeric).isEmpty();
    }

    @Test
    void onlyPlainDecimalsAreNumbers() {
        assertThat(ApiParams.decimal("n", "42")).isEqualTo(42L);
        assertThat(ApiParams.decimal("n", " 7 ")).isEqualTo(7L);
        assertThat(ApiParams.decimal("n", "-3")).isEqualTo(-3L);
        assertThat(ApiParams.decimal("n", null)).isNull();
        assertThat(ApiParams.decimal("n", "")).isNull();
        assertThat(ApiParams.decimalInt("n", null, 20)).isEqualTo(20);
        for (String bad : List.of("0x10", "#10", "+10", "1.5", "1e3", "ten", "1 2", "9999999999999999999", "１２")) {
            assertThatThrownBy(() -> ApiParams.decimal("n", bad)).as(bad).isInstanceOf(RoamdeskException.class)
                    .hasMessageContaining("n must be a decimal number");
        }
        assertThatThrownBy(() -> ApiParams.decimalInt("n", "99999999999", 1)).isInstanceOf(RoamdeskException.class);
        assertThatThrownBy(() -> ApiParams.messageId("startId", "-1")).isInstanceOf(RoamdeskException.class);
    }

    @Test
    void everyNumericQueryParameterRefusesHexadecimal() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        chats.text(app, "alice", "bob", "hi");
        String history = base(app) + "/users/alice/user_channels/chat/bob/messages?";
        for (String query : List.of(
                base(app) + "/users/alice/user_channels/page?pageNum=0x1",
                base(app) + "/users/alice/user_channels/page?pageSize=0x10",
                base(app) + "/users/alice/user_channels?limit=0x10",
                history + "pageSize=0x10", history + "startTime=0x10", history + "endTime=0x10",
                history + "startId=0x10")) {
            var r = api.get(query, token);
            assertThat(r.getStatusCode().value()).as(query + " " + r).isEqualTo(400);
            assertThat(r.getBody().path("error").asText()).isEqualTo("illegal_argument");
        }
        // the same in plain decimals goes through
        assertThat(api.get(base(app) + "/users/alice/user_channels/page?pageNum=1&pageSize=16", token).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.get(history + "pageSize=16&startTime=0&endTime=" + System.currentTimeMillis(), token)
                .getStatusCode().value()).isEqualTo(200);
    }
}
