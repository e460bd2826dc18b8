package com.fielddesk.desktop.app;

import com.fielddesk.supabase.storage.StorageBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The company's logo for invoice PDFs (wired here: features reach Supabase only through the wiring), from the Storage "branding" bucket by its path. A logo once
 * downloaded is kept for the session, so PDFs made offline later still carry it; one that cannot be
 * downloaded (offline, removed) leaves the PDF without a logo, and the log says why.
 */
final class InvoiceLogos implements Function<String, Optional<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(InvoiceLogos.class);

    private final StorageBucket branding;
    private final Map<String, byte[]> downloaded = new ConcurrentHashMap<>();

    InvoiceLogos(StorageBucket branding) {
        this.branding = branding;
    }

    @Override
    public Optional<byte[]> apply(String path) {
        byte[] known = downloaded.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            byte[] logo = branding.download(path);
            downloaded.put(path, logo);
            return Optional.of(logo);
        } catch (RuntimeException unavailable) {
            log.info("The invoice logo {} could not be downloaded; the PDF is made without it", path, unavailable);
            return Optional.empty();
        }
    }
}
