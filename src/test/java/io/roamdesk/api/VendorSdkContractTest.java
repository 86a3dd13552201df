package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import io.roamdesk.vendorsdk.VendorSdk;
import io.roamdesk.vendorsdk.VendorSdkLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The vendor's own Java server SDK ({@code com.easemob.im:im-sdk-core} 0.6.6), unchanged and on its
 * own class path, against the running app: every call of it that maps onto our surface. What it
 * cannot do against us is listed in docs/api.md.
 */
@IntegrationTest
class VendorSdkContractTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    TestApps testApps;

    private VendorSdk sdk(App app) {
        return VendorSdkLoader.connect("http://localhost:" + port, app.key().org() + "#" + app.key().app(),
                TestApps.CLIENT_ID, TestApps.CLIENT_SECRET);
    }

    private List<String> history(App app, String token, String owner, String peer) {
        var r = api.get(base(app) + "/users/" + owner + "/user_channels/chat/" + peer + "/messages?pageSize=50", token);
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.getBody().get("data").get("msgs").forEach(m -> ids.add(m.get("msg_id").asText()));
        return ids;
    }

    private List<String> channels(App app, String token, String owner) {
        var r = api.get(base(app) + "/users/" + owner + "/user_channels?limit=50", token);
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.getBody().get("data").get("channel_infos").forEach(c -> out.add(c.get("channel_id").asText()));
        return out;
    }

    @Test
    void theSdkRunsOnItsOwnDependenciesNotOurs() {
        VendorSdk sdk = sdk(testApps.createRoaming());
        assertThat(sdk.origin("com.easemob.im.server.EMService")).contains("im-sdk-core-0.6.6.jar");
        assertThat(sdk.origin("com.fasterxml.jackson.databind.ObjectMapper")).contains("jackson-databind-2.14.0.jar");
        assertThat(sdk.origin("io.github.resilience4j.core.StringUtils")).contains("resilience4j-core-1.1.0.jar");
        // and ours stay ours
        assertThat(io.github.resilience4j.core.StringUtils.class.getProtectionDomain().getCodeSource().getLocation()
                .toString()).contains("resilience4j-core-2.4.0.jar");
    }

    @Test
    void appTokenSendAndDeleteChannelWithAndWithoutRoaming() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withRestInList(true));
        VendorSdk sdk = sdk(app);
        // the token request carries no Content-Type
        assertThat(sdk.appToken()).isNotBlank();
        String ours = api.token(app);

        // the fluent send and the plain one: both the legacy /messages form with useMsgId=true
        String bobMsg = sdk.sendText("alice", "bob", "hello from the vendor sdk").get("bob");
        String carolMsg = sdk.sendText("alice", "users", Set.of("carol"), "hi carol").get("carol");
        assertThat(history(app, ours, "bob", "alice")).containsExactly(bobMsg);
        var stored = api.get(base(app) + "/users/bob/user_channels/chat/alice/messages?pageSize=5", ours);
        assertThat(stored.getBody().get("data").get("msgs").get(0).toString()).contains("hello from the vendor sdk");
        assertThat(history(app, ours, "carol", "alice")).containsExactly(carolMsg);
        assertThat(channels(app, ours, "alice")).containsExactlyInAnyOrder("bob", "carol");

        // without roaming: gone from alice's list, every message stays
        sdk.deleteChannel("alice", "carol", "chat", false);
        assertThat(channels(app, ours, "alice")).containsExactly("bob");
        assertThat(history(app, ours, "alice", "carol")).containsExactly(carolMsg);
        assertThat(history(app, ours, "carol", "alice")).containsExactly(carolMsg);

        // with roaming: the messages are gone for both sides
        sdk.deleteChannel("alice", "bob", "chat", true);
        assertThat(channels(app, ours, "alice")).isEmpty();
        assertThat(history(app, ours, "alice", "bob")).isEmpty();
        assertThat(history(app, ours, "bob", "alice")).isEmpty();
    }

    @Test
    void usersAndUserTokensThroughTheSdk() {
        App app = testApps.createRoaming();
        VendorSdk sdk = sdk(app);
        String ours = api.token(app);
        var created = sdk.createUser("alice", "pw-alice-1");
        assertThat(created.get("username")).isEqualTo("alice");
        var got = sdk.getUser("alice");
        assertThat(got.get("uuid")).isNotNull().isEqualTo(created.get("uuid"));
        assertThat(got.get("canLogin")).isEqualTo(true);
        assertThat(api.get(base(app) + "/users/alice", ours).getBody().get("entities").get(0).get("uuid").asText())
                .isEqualTo(got.get("uuid"));

        String userToken = sdk.userToken("alice", "pw-alice-1");
        assertThat(api.get(base(app) + "/users/alice/user_channels", userToken).getStatusCode().value()).isEqualTo(200);
        assertThatThrownBy(() -> sdk.userToken("alice", "wrong-password")).isInstanceOf(VendorSdk.SdkError.class);

        sdk.updateUserPassword("alice", "pw-alice-2");
        assertThat(api.get(base(app) + "/users/alice/user_channels", userToken).getStatusCode().value()).isEqualTo(401);
        assertThatThrownBy(() -> sdk.userToken("alice", "pw-alice-1")).isInstanceOf(VendorSdk.SdkError.class);
        String second = sdk.userToken("alice", "pw-alice-2");

        sdk.createUser("bob", "pw-bob");
        String inherited = sdk.inheritedUserToken("bob");
        assertThat(api.get(base(app) + "/users/bob/user_channels", inherited).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(base(app) + "/users/alice/user_channels", inherited).getStatusCode().value()).isEqualTo(403);

        sdk.deleteUser("alice");
        assertThat(api.get(base(app) + "/users/alice/user_channels", second).getStatusCode().value()).isEqualTo(401);
        assertThatThrownBy(() -> sdk.getUser("alice")).isInstanceOfSatisfying(VendorSdk.SdkError.class,
                e -> assertThat(e.type()).isEqualTo("EMNotFoundException"));
        assertThatThrownBy(() -> sdk.createUser("bob", "again")).isInstanceOf(VendorSdk.SdkError.class);
    }

    @Test
    void recallThroughTheSdk() throws InterruptedException {
        App app = testApps.createRoaming();
        VendorSdk sdk = sdk(app);
        String ours = api.token(app);
        String first = sdk.sendText("alice", "bob", "first").get("bob");
        String second = sdk.sendText("alice", "bob", "second").get("bob");
        String third = sdk.sendText("bob", "alice", "third").get("alice");

        // the SDK's list form (POST /messages/recall), one conversation named either way round
        sdk.recall("alice", "bob", "chat", null, List.of(third));
        assertThat(history(app, ours, "alice", "bob")).containsExactly(second, first);
        assertThat(history(app, ours, "bob", "alice")).containsExactly(second, first);
        // recalling again is no error
        sdk.recall("bob", "alice", "chat", false, List.of(third));

        // outside the window: the SDK's forbidden exception; forced: gone
        app = apps.changeSetting(app.appId(), app.settingsVersion(), io.roamdesk.app.Setting.RECALL_WINDOW, "1", "test",
                "short window");
        Thread.sleep(1_200);
        assertThatThrownBy(() -> sdk.recall("alice", "bob", "chat", false, List.of(second)))
                .isInstanceOfSatisfying(VendorSdk.SdkError.class, e -> {
                    assertThat(e.type()).isEqualTo("EMForbiddenException");
                    assertThat(e.getMessage()).contains("exceed recall time limit");
                });
        assertThat(history(app, ours, "bob", "alice")).containsExactly(second, first);
        sdk.recall("alice", "bob", "chat", true, List.of(second, first));
        assertThat(history(app, ours, "bob", "alice")).isEmpty();
    }

    @Autowired
    io.roamdesk.app.AppService apps;

    @Test
    void ourRefusalsReachTheSdkAsItsOwnExceptions() {
        VendorSdk plain = sdk(testApps.create(AppSettings.defaults().withRoaming(false)));
        assertThatThrownBy(() -> plain.deleteChannel("alice", "bob", "chat", false))
                .isInstanceOfSatisfying(VendorSdk.SdkError.class,
                        e -> assertThat(e.type()).isEqualTo("EMBadRequestException"));
        App app = testApps.createRoaming();
        VendorSdk wrongSecret = VendorSdkLoader.connect("http://localhost:" + port,
                app.key().org() + "#" + app.key().app(), TestApps.CLIENT_ID, "not-the-secret");
        assertThatThrownBy(wrongSecret::appToken).isInstanceOf(VendorSdk.SdkError.class);
    }
}
