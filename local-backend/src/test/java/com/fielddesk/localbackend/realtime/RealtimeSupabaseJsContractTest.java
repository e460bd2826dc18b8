package com.fielddesk.localbackend.realtime;

import org.junit.jupiter.api.Test;

/** The real supabase-js Realtime client: src/test/js/realtime.test.mjs. */
class RealtimeSupabaseJsContractTest {

    @Test
    void supabaseJsRealtimeClientWorksAgainstLocalBackend() throws Exception {
        SupabaseJsContract.run("realtime.test.mjs");
    }
}
