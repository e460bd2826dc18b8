package com.fielddesk.supabase.storage;

/** Told after each chunk is written to the socket; on the uploading thread. {@code totalBytes} is -1 if unknown. */
@FunctionalInterface
public interface UploadProgressListener {

    UploadProgressListener NONE = (sent, total) -> { };

    void onProgress(long bytesSent, long totalBytes);
}
