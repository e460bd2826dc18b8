package com.fielddesk.desktop.settings;

/**
 * Where the invoice logo's image lives: the {@code branding} Storage bucket, the object under the
 * company's folder. Both calls block on the network: call them off the FX thread.
 */
public interface LogoStore {

    /** Stores the image at {@code path} (replacing what was there). */
    void upload(String path, byte[] image, String contentType) throws Exception;

    /** The image stored at {@code path}. */
    byte[] download(String path) throws Exception;
}
