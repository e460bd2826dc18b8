package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.messages.RefusedMessages;

import java.util.UUID;

/** For a Messages section under test without a sync engine: resending or discarding a message is a mistake in the test. */
public final class NoRefusedMessages implements RefusedMessages {

    @Override
    public void resend(UUID change) {
        throw new UnsupportedOperationException("This test does not resend refused messages");
    }

    @Override
    public void discard(UUID change) {
        throw new UnsupportedOperationException("This test does not discard refused messages");
    }
}
