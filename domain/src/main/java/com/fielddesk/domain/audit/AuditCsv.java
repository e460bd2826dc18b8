package com.fielddesk.domain.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The filtered audit log as CSV for a spreadsheet: read page by page and written as it comes (a
 * log of millions of entries never sits in memory), UTF-8 with a byte-order mark (so Excel reads
 * "Łódź" right), RFC 4180 quoting with CRLF line ends, and formula-safe cells — a value starting
 * with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so a customer named
 * {@code =HYPERLINK(…)} stays text instead of running when the file is opened.
 */
public final class AuditCsv {

    /** Pages of the log, newest first ({@link AuditRepository#serverPage}: an export is of the server's log). */
    @FunctionalInterface
    public interface Pages {
        AuditPage page(AuditFilter filter, Optional<Long> before, int limit);
    }

    /** Hears how many entries are written so far (after each page, on the exporting thread). */
    @FunctionalInterface
    public interface Progress {
        void written(long entries);
    }

    /** How an export ended: the entries written, and whether it was cancelled before the end. */
    public record Result(long entries, boolean cancelled) {
    }

    public static final List<String> HEADER = List.of("Seq", "Time", "Person", "Role", "Action", "Record type", "Record",
            "Record id", "Changes", "Hash");
    public static final int DEFAULT_PAGE_SIZE = 1_000;
    static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String LINE_END = "\r\n";

    private final Pages pages;
    private final DateTimeFormatter time;
    private final int pageSize;

    /** Times are written in {@code zone} (the company's), with their offset. */
    public AuditCsv(Pages pages, ZoneId zone, int pageSize) {
        this.pages = pages;
        this.time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        this.pageSize = pageSize;
    }

    public AuditCsv(AuditRepository audit, ZoneId zone) {
        this(audit::serverPage, zone, DEFAULT_PAGE_SIZE);
    }

    /**
     * Writes every entry the filter chooses, newest first; {@code cancelled} is asked before each
     * page (a cancelled export stops there, what was written stays written). The writer is flushed,
     * not closed.
     */
    public Result write(AuditFilter filter, Writer out, Progress progress, BooleanSupplier cancelled) throws IOException {
        out.write(BYTE_ORDER_MARK);
        line(out, HEADER);
        long written = 0;
        Optional<Long> before = Optional.empty();
        do {
            if (cancelled.getAsBoolean()) {
                out.flush();
                return new Result(written, true);
            }
            AuditPage page = pages.page(filter, before, pageSize);
            for (AuditEntry entry : page.entries()) {
                line(out, row(entry));
            }
            written += page.entries().size();
            out.flush();
            progress.written(written);
            before = page.before();
        } while (before.isPresent());
        return new Result(written, false);
    }

    private List<String> row(AuditEntry entry) {
        return List.of(String.valueOf(entry.seq()), time.format(entry.occurredAt()),
                entry.actorName().or(() -> entry.actorId().map(Object::toString)).orElse(""), entry.actorRole().label(),
                AuditAction.labelOf(entry.action()), entry.recordType().map(AuditRecordType::labelOf).orElse(""),
                entry.recordName().orElse(""), entry.recordId().map(Object::toString).orElse(""),
                entry.changes().stream().map(FieldChange::describe).collect(Collectors.joining("\n")), entry.hash());
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write(LINE_END);
    }

    /** One cell: formula-safe, then quoted when it holds a comma, a quote or a line break (quotes doubled). */
    static String cell(String value) {
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
