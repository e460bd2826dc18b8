package com.fielddesk.localbackend.storage;

import com.fielddesk.localbackend.realtime.SupabaseJsContract;
import org.junit.jupiter.api.Test;

/** The real supabase-js Storage client: src/test/js/storage.test.mjs. */
class StorageSupabaseJsContractTest {

    @Test
    void supabaseJsStorageClientWorksAgainstLocalBackend() throws Exception {
        SupabaseJsContract.run("storage.test.mjs");
    }
}
