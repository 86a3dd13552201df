package io.roamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AppServiceTest {

    @Autowired
    AppService apps;
    @Autowired
    TestApps testApps;
    @Autowired
    io.roamdesk.roaming.ConversationService conversations;

    @Test
    void aSettingChangeIsAppliedAndRecordedWithWhoOldNewAndWhy() {
        App app = testApps.create(AppSettings.defaults());
        App changed = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.ROAMING, "true", "admin",
                "ticket 42: customer bought roaming");
        assertThat(changed.roamingEnabled()).isTrue();
        assertThat(apps.require(app.key()).roamingEnabled()).isTrue();
        assertThat(apps.history(app.appId(), 10)).singleElement().satisfies(c -> {
            assertThat(c.actor()).isEqualTo("admin");
            assertThat(c.setting()).isEqualTo(Setting.ROAMING);
            assertThat(c.oldValue()).isEqualTo("false");
            assertThat(c.newValue()).isEqualTo("true");
            assertThat(c.reason()).isEqualTo("ticket 42: customer bought roaming");
        });
    }

    @Test
    void aChangeWithoutReasonOrWithABadValueChangesNothing() {
        App app = testApps.create(AppSettings.defaults());
        assertThatThrownBy(() -> apps.changeSetting(app.appId(), app.settingsVersion(), Setting.ROAMING, "true",
                "admin", "  ")).isInstanceOf(RoamdeskException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP,
                "0", "admin", "why")).isInstanceOf(RoamdeskException.class).hasMessageContaining("between");
        assertThatThrownBy(() -> apps.changeSetting(app.appId(), app.settingsVersion(), Setting.ROAMING, "yes",
                "admin", "why")).isInstanceOf(RoamdeskException.class);
        assertThat(apps.require(app.key()).settings()).isEqualTo(AppSettings.defaults());
        assertThat(apps.history(app.appId(), 10)).isEmpty();
    }

    @Test
    void aChangeBasedOnAStaleReadIsRefusedAsAConflict() {
        App app = testApps.create(AppSettings.defaults());
        apps.changeSetting(app.appId(), app.settingsVersion(), Setting.LEGACY_DAYS, "14", "admin-a", "first");
        assertThatThrownBy(() -> apps.changeSetting(app.appId(), app.settingsVersion(), Setting.LEGACY_COUNT,
                "20", "admin-b", "second, from a stale page"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        App now = apps.require(app.key());
        assertThat(now.settings().legacyDays()).isEqualTo(14);
        assertThat(now.settings().legacyCount()).isEqualTo(10);
    }

    @Test
    void roamingCallsOnAnAppWithRoamingOffAreRefusedWithTheVendorMessage() {
        App app = testApps.create(AppSettings.defaults());
        assertThatThrownBy(() -> conversations.page(app, "alice", 1, 20))
                .isInstanceOf(RoamdeskException.class).hasMessage("this appKey not open message roaming");
    }
}
