package com.fielddesk.cache.store;

/** The local SQLite cache could not be read or written (disk full, corrupt file, bad SQL). */
public class CacheException extends RuntimeException {
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    public CacheException(String message) {
        super(message);
    }
}
