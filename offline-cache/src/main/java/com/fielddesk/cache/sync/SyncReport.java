package com.fielddesk.cache.sync;

import com.fielddesk.cache.push.PushReport;

import java.util.Map;

/** One sync pass: rows received per table and what the push did. */
public record SyncReport(Map<String, Long> rowsPulled, PushReport push, int conflictsOpen, int quarantinedOpen) {
}
