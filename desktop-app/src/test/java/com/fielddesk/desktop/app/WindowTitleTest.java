package com.fielddesk.desktop.app;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.domain.common.Role;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2MZ;

import static org.assertj.core.api.Assertions.assertThat;

/** The window title names the section and company and, when sections publish numbers (unread messages), their total. */
class WindowTitleTest {

    private final Feature messages = Feature.section("messages", "Messages").group("Sales").icon(Material2MZ.MAIL)
            .visibleTo(Role.OFFICE_STAFF).screen(context -> null);

    @Test
    void theTotalComesAfterTheAppNameOnlyWhenThereIsOne() {
        assertThat(ConsoleWindow.windowTitle(messages, "Acme Plumbing", 3)).isEqualTo("FieldDesk (3) — Messages · Acme Plumbing");
        assertThat(ConsoleWindow.windowTitle(messages, "Acme Plumbing", 0)).isEqualTo("FieldDesk — Messages · Acme Plumbing");
        assertThat(ConsoleWindow.windowTitle(null, null, 1)).isEqualTo("FieldDesk (1) — Console");
    }
}
