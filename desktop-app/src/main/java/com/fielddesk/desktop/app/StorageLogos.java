package com.fielddesk.desktop.app;

import com.fielddesk.desktop.settings.LogoStore;
import com.fielddesk.supabase.SupabaseClient;

/** The invoice logo in the session's Storage: the private {@code branding} bucket (managers upload; staff read). */
final class StorageLogos implements LogoStore {

    static final String BUCKET = "branding";

    private final SupabaseClient supabase;

    StorageLogos(SupabaseClient supabase) {
        this.supabase = supabase;
    }

    @Override
    public void upload(String path, byte[] image, String contentType) {
        supabase.storage().from(BUCKET).upload(path, image, contentType, true, null);
    }

    @Override
    public byte[] download(String path) {
        return supabase.storage().from(BUCKET).download(path);
    }
}
