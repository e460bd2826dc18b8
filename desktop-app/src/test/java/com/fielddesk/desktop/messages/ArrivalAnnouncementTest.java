package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.app.feature.Arrival;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.messages.MessageArrival;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a notification says of a message that arrived: one line, whatever the names and subjects hold. */
class ArrivalAnnouncementTest {

    private final UUID thread = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-06T14:00:00Z");

    @Test
    void aCustomersMessageAndAColleaguesNoteEachSayWhoAndWhere() {
        Arrival customer = MessagesFeature.announcement(new MessageArrival(thread, false, "Zoë Łódź", "Boiler", "Is 10 still ok?", at));
        assertThat(customer.text()).isEqualTo("New message from Zoë Łódź: Is 10 still ok?");
        assertThat(customer.opens()).isEqualTo(new RecordRef(RecordKind.MESSAGE_THREAD, thread.toString()));
        assertThat(MessagesFeature.announcement(new MessageArrival(thread, true, "Dana", "Parts for #42", "", at)).text())
                .isEqualTo("Internal note from Dana (Parts for #42)");
        assertThat(MessagesFeature.announcement(new MessageArrival(thread, true, "Dana", "  ", "On my way", at)).text())
                .isEqualTo("Internal note from Dana: On my way");
    }

    @Test
    void lineBreaksInANameOrSubjectBecomeSpaces() {
        assertThat(MessagesFeature.announcement(new MessageArrival(thread, true, "Dana\nDispatcher", "Parts\r\nfor #42",
                "Valve is in", at)).text()).isEqualTo("Internal note from Dana Dispatcher (Parts for #42): Valve is in");
    }
}
