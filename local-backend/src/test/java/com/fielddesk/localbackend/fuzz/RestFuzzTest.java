package com.fielddesk.localbackend.fuzz;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.RawHttp;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random, hostile query strings, headers and bodies (seeded, so a failure can be
 * replayed with {@code -Dfuzz.seed=N}). Reads run as a CSR of company A, writes as users who
 * may write nothing. Every answer must be below 500, must not show company B's rows, and the
 * database must be byte-for-byte unchanged afterwards.
 */
class RestFuzzTest {

    private static final String SECRET = "SECRETB";
    private static final String[] TABLES = {"customers", "work_orders", "lead_pool", "companies", "profiles",
            "invoices", "invoice_items", "audit_log", "service_requests", "internal_messages", "customer_messages",
            "nope", "customers;drop table customers", "customers'--", "Customers", "pg_user", "customers/*"};
    private static final String[] FUNCTIONS = {"claim_service_request", "decline_service_request", "sync_watermark",
            "log_audit_event", "verify_audit_chain", "current_company_id", "nope", "pg_sleep", "claim_service_request;--"};
    private static final String[] COLUMNS = {"id", "company_id", "full_name", "email", "notes", "status", "trade",
            "created_at", "version", "sync_xid", "total", "nope", "full_name'", "a;b", "x--", "/*", "\"full_name\"",
            "full_name->a", "notes->>'x'", "id::text", "*", ""};
    private static final String[] OPERATORS = {"eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "is", "in",
            "cs", "cd", "ov", "fts", "fts(english)", "fts(x;y)", "match", "isdistinct", "not.eq", "not.in", "zz", "",
            "eq(any)", "not", "not.not.eq"};
    private static final String[] FRAGMENTS = {"'", "''", ";", "--", "/*", "*/", "\"", "\\", "(", ")", ",", ".", ":",
            "::", "->", "->>", "%", "*", "null", "not_null", "true", "1", "-1", "0", "1e309", "9999999999999999999999",
            "{a,b}", "{", "}", "[1]", "{\"a\":1}", "é", "ü", "\u2603", "drop table customers", "select pg_sleep(10)",
            "' or 1=1 --", "); delete from customers; --", "$$", "E'\\x00'", "\u0000", "\t", " ", "+", "&", "=", "#",
            "2026-11-21", "00000000-0000-0000-0000-000000000000", "Fuzz customer 1", "hvac"};
    private static final String[] PREFERS = {"return=representation", "return=minimal", "return=headers-only",
            "count=exact", "resolution=merge-duplicates", "resolution=ignore-duplicates", "missing=default",
            "tx=commit", "x=y;drop", ""};

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261121L);
        int iterations = Integer.getInteger("fuzz.iterations", 3000);
        TestBackend backend = TestBackend.shared();
        TenantFixtures tenants = backend.tenants();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Company a = tenants.company("Fuzz A " + suffix, LeadPreferences.serving("hvac", "20001"));
        Company b = tenants.company(SECRET + " company " + suffix, LeadPreferences.serving("hvac", "20001"));
        for (int i = 0; i < 5; i++) {
            tenants.customer(a, "Fuzz customer " + i);
            tenants.customer(b, SECRET + " customer " + i);
        }
        tenants.job(a);
        tenants.job(b);
        tenants.openLead("hvac", "20001");
        SignedInUser reader = backend.staff(a, "csr");
        SignedInUser noProfile = backend.newSignedInUser("fuzz-nobody");
        String before = fingerprint(backend);

        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < iterations && failures.size() < 10; i++) {
            boolean read = random.nextInt(10) < 6;
            String bearer = read ? (random.nextInt(8) == 0 ? backend.anonKey() : reader.accessToken())
                    : (random.nextBoolean() ? noProfile.accessToken() : backend.anonKey());
            HttpRequest request = randomRequest(random, backend, bearer, read);
            HttpResponse<String> response;
            try {
                response = backend.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " -> I/O failure " + e);
                continue;
            }
            String body = response.body();
            if (response.statusCode() >= 500) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + body);
            } else if (body.contains(SECRET)) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " leaked company B: " + body);
            } else if (response.statusCode() < 300 && (body.startsWith("[") || body.startsWith("{"))) {
                String foreign = foreignCompanyId(body, a.id().toString());
                if (foreign != null && !request.uri().getPath().contains("lead_pool")) {
                    failures.add("#" + i + " " + request.method() + " " + request.uri() + " returned company " + foreign);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail("seed " + seed + ":\n" + String.join("\n", failures));
        }
        assertThat(fingerprint(backend)).as("the database after the fuzz run (seed " + seed + ")").isEqualTo(before);
    }

    private static final String[] RAW_PATHS = {"/rest/v1/customers", "/rest/v1/work_orders", "/rest/v1/rpc/sync_watermark",
            "/rest/v1/rpc/claim_service_request", "/rest/v1/nope", "/rest/v1/", "/auth/v1/token?grant_type=password",
            "/auth/v1/signup", "/auth/v1/user", "/storage/v1/bucket", "/storage/v1/object/list/attachments",
            "/realtime/v1/websocket", "/nowhere", "/"};
    private static final String[] ODD_METHODS = {"PUT", "TRACE", "PROPFIND", "FROB", "PATCH", "DELETE", "OPTIONS", "HEAD",
            "get", "MKCOL", "LINK"};
    private static final String[] ODD_CONTENT_TYPES = {"text/plain", "text/csv", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/vnd.pgrst.object+json", "application/json; charset=latin1",
            "*/*", "", ";", "application/", "\u00e9/\u00e9", "application/json;;;"};
    private static final String[] BAD_ESCAPES = {"%", "%z", "%zz", "%E9", "%ED%A0%80", "%C0%AF", "%FF%FE", "%F4%90%80%80",
            "%00", "%e2%82", "%%", "%2"};

    /**
     * Requests no well-behaved client sends, written as raw bytes: logic trees and embeds nested
     * far past the limit, bytes that are not UTF-8 in the body, query, path and headers, lone
     * surrogate and NUL escapes, odd media types and methods, huge URLs and headers, broken
     * request lines. None may answer 5xx, every refusal must be a JSON object, and nothing may
     * change (the writers may write nothing).
     */
    @Test
    void malformedRequestsNeverAnswer5xxAndRefuseInJson() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261205L);
        int iterations = Integer.getInteger("fuzz.iterations", 3000) / 5;
        TestBackend backend = TestBackend.shared();
        SignedInUser nobody = backend.newSignedInUser("fuzz-raw-nobody");
        String before = fingerprint(backend);

        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < iterations && failures.size() < 10; i++) {
            RawRequest request = randomRawRequest(random, backend, random.nextBoolean() ? nobody.accessToken() : backend.anonKey());
            RawHttp.Answer answer;
            try {
                answer = RawHttp.exchangeBytes(backend.url(), request.head(), request.body());
            } catch (RuntimeException e) {
                failures.add("#" + i + " " + request.describe() + " -> " + e);
                continue;
            }
            String problem = problemWith(answer, request);
            if (problem != null) {
                failures.add("#" + i + " " + request.describe() + " -> " + answer.status() + " " + problem + ": "
                        + abbreviate(answer.body()));
            }
        }
        if (!failures.isEmpty()) {
            fail("seed " + seed + ":\n" + String.join("\n", failures));
        }
        assertThat(fingerprint(backend)).as("the database after the raw fuzz run (seed " + seed + ")").isEqualTo(before);
    }

    /** A request as bytes: the request line and headers (without the final blank line) and an optional body. */
    private record RawRequest(byte[] head, byte[] body, String shape) {
        String describe() {
            String line = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            return shape + " " + abbreviate(line);
        }

        boolean isHead() {
            return new String(head, 0, Math.min(5, head.length), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        }
    }

    private static String problemWith(RawHttp.Answer answer, RawRequest request) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400 || request.isHead()) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
            return "refusal not in JSON (" + answer.contentType() + ")";
        }
        JsonNode body;
        try {
            body = TestBackend.read(answer.body());
        } catch (RuntimeException notJson) {
            return "refusal body is not JSON";
        }
        boolean described = body.isObject() && (body.hasNonNull("message") || body.hasNonNull("msg"));
        return described ? null : "refusal without a message";
    }

    private static RawRequest randomRawRequest(Random random, TestBackend backend, String bearer) {
        java.nio.charset.Charset latin1 = java.nio.charset.StandardCharsets.ISO_8859_1;
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        String method = "GET";
        String path = pick(random, RAW_PATHS);
        String contentType = "application/json";
        byte[] body = null;
        byte[] extraHeader = new byte[0];
        int shape = random.nextInt(11);
        switch (shape) {
            case 0 -> path = "/rest/v1/customers?" + pick(random, new String[] {"or", "and", "not.or", "not.and"}) + "=("
                    + randomLogicTree(random, 1 + random.nextInt(random.nextBoolean() ? 40 : 1500)) + ")";
            case 1 -> {
                method = "POST";
                path = pick(random, new String[] {"/rest/v1/customers", "/rest/v1/rpc/log_audit_event", "/auth/v1/signup",
                        "/auth/v1/token?grant_type=password"});
                body = withInvalidUtf8(random, "{\"full_name\":\"caf\",\"email\":\"a@b.c\",\"password\":\"pw-secret\"}");
            }
            case 2 -> {
                method = pick(random, new String[] {"POST", "PATCH"});
                path = pick(random, new String[] {"/rest/v1/customers?id=eq.00000000-0000-0000-0000-000000000000",
                        "/rest/v1/rpc/log_audit_event", "/auth/v1/token?grant_type=password"});
                String escape = pick(random, new String[] {"\\ud800", "\\udc00", "\\ud800\\ud800", "\\u0000", "\\udbff\\u0041"});
                body = ("{\"full_name\":\"a" + escape + "b\",\"email\":\"" + escape + "@x.y\",\"password\":\"p" + escape
                        + "\",\"d" + escape + "\":1}").getBytes(latin1);
            }
            case 3 -> path = path.contains("?") ? path + "&x=" + pick(random, BAD_ESCAPES)
                    : path + "?select=" + pick(random, BAD_ESCAPES) + "&id=eq." + pick(random, BAD_ESCAPES);
            case 4 -> path = random.nextBoolean() ? "/rest/v1/caf" + (char) (0x80 + random.nextInt(0x80))
                    : "/rest/v1/customers?full_name=eq." + (char) (0x80 + random.nextInt(0x80)) + "x";
            case 5 -> extraHeader = concat(("\r\n" + pick(random, new String[] {"Prefer", "Range", "Accept", "X-Client-Info",
                    "Accept-Profile", "Content-Type", "X-Supabase-Api-Version", "Authorization"}) + ": a").getBytes(latin1),
                    new byte[] {(byte) (0x80 + random.nextInt(0x80)), (byte) (0x80 + random.nextInt(0x80))});
            case 6 -> {
                method = pick(random, new String[] {"POST", "PATCH"});
                contentType = pick(random, ODD_CONTENT_TYPES);
                body = "{\"full_name\":\"x\"}".getBytes(latin1);
            }
            case 7 -> {
                method = pick(random, ODD_METHODS);
                body = random.nextBoolean() ? "{}".getBytes(latin1) : null;
            }
            case 8 -> {
                if (random.nextBoolean()) {
                    path = "/rest/v1/customers?select=" + "a".repeat(5_000 + random.nextInt(30_000));
                } else {
                    extraHeader = ("\r\nX-Padding: " + "p".repeat(5_000 + random.nextInt(30_000))).getBytes(latin1);
                }
            }
            case 9 -> {
                int depth = 1 + random.nextInt(200);
                path = "/rest/v1/customers?select=id," + "work_orders(id,customers(".repeat(depth) + "id" + "))".repeat(depth);
            }
            default -> {
                String requestLine = pick(random, new String[] {"GET", "GET /rest/v1/customers HTTP/1.1 extra",
                        "GET  /rest/v1/customers HTTP/1.1", "GET rest/v1/customers HTTP/1.1", "/rest/v1/customers HTTP/1.1",
                        "GET /rest/v1/customers HTTP/1.1\r\nNoColonHere", "GET /rest/v1/customers HTTP/1.1\r\n: empty-name",
                        "GET /../../etc/passwd HTTP/1.1", "GET /rest/v1/%2e%2e/auth/v1/user HTTP/1.1",
                        "GET /rest/v1/customers%2Fx HTTP/1.1", "GET /rest/v1/customers\tHTTP/1.1", "GET /rest/v1/customers HTTP/9.9",
                        "POST /rest/v1/customers HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5",
                        "GET /rest/v1/customers HTTP/1.1\r\nContent-Length: -1"});
                head.writeBytes(requestLine.getBytes(latin1));
                head.writeBytes(("\r\napikey: " + backend.anonKey()).getBytes(latin1));
                return new RawRequest(head.toByteArray(), null, "request-line");
            }
        }
        head.writeBytes((method + " ").getBytes(latin1));
        head.writeBytes(path.getBytes(latin1));
        head.writeBytes((" HTTP/1.1\r\napikey: " + backend.anonKey() + "\r\nAuthorization: Bearer " + bearer).getBytes(latin1));
        if (body != null && !contentType.isEmpty()) {
            head.writeBytes(("\r\nContent-Type: " + contentType).getBytes(latin1));
        }
        head.writeBytes(extraHeader);
        return new RawRequest(head.toByteArray(), body, "shape" + shape);
    }

    /** A random and()/or()/not. tree exactly {@code depth} groups deep, unencoded as supabase-js would not send it. */
    private static String randomLogicTree(Random random, int depth) {
        StringBuilder tree = new StringBuilder();
        for (int level = 1; level < depth; level++) {
            tree.append(random.nextInt(4) == 0 ? "not." : "").append(random.nextBoolean() ? "and(" : "or(")
                    .append(random.nextBoolean() ? "id.is.null," : "");
        }
        tree.append(pick(random, new String[] {"full_name.like.*a*", "id.eq.1", "notes.is.null", "x.zz.1"}));
        tree.append(")".repeat(depth - 1));
        return tree.toString();
    }

    private static byte[] withInvalidUtf8(Random random, String json) {
        byte[] valid = json.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = json.indexOf("caf") + 3;
        byte[][] invalid = {{(byte) 0xE9}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        return concat(java.util.Arrays.copyOfRange(valid, 0, at), invalid[random.nextInt(invalid.length)],
                java.util.Arrays.copyOfRange(valid, at, valid.length));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }

    private static final String[] AUTH_PATHS = {"/auth/v1/token?grant_type=password", "/auth/v1/token?grant_type=refresh_token",
            "/auth/v1/token?grant_type=%27%3B--", "/auth/v1/signup", "/auth/v1/logout?scope=global", "/auth/v1/user",
            "/auth/v1/admin/users", "/auth/v1/admin/users/%27--"};

    /** Auth endpoints with hostile bodies, always as the anon key: nothing may sign in, sign up or change. */
    private static HttpRequest randomAuthRequest(Random random, TestBackend backend) {
        String path = pick(random, AUTH_PATHS);
        String method = path.endsWith("/user") ? pick(random, new String[] {"GET", "PUT"}) : "POST";
        String body = random.nextBoolean() ? randomBody(random)
                : "{\"email\":\"" + escapeJson(randomText(random, 2)) + "\",\"password\":\"" + escapeJson(randomText(random, 3))
                + "\",\"refresh_token\":\"" + escapeJson(randomText(random, 2)) + "\"}";
        return HttpRequest.newBuilder(URI.create(backend.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("apikey", backend.anonKey())
                .header("Authorization", "Bearer " + backend.anonKey())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest randomRequest(Random random, TestBackend backend, String bearer, boolean read) {
        if (random.nextInt(8) == 0) {
            return randomAuthRequest(random, backend);
        }
        StringBuilder path = new StringBuilder();
        boolean rpc = random.nextInt(6) == 0;
        path.append(rpc ? "/rest/v1/rpc/" + encode(pick(random, FUNCTIONS)) : "/rest/v1/" + encode(pick(random, TABLES)));
        path.append('?');
        int params = random.nextInt(5);
        for (int p = 0; p < params; p++) {
            if (p > 0) {
                path.append('&');
            }
            path.append(randomParam(random));
        }
        String method = read ? (random.nextInt(6) == 0 ? "HEAD" : "GET")
                : pick(random, new String[] {"POST", "PATCH", "DELETE", "POST"});
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(backend.url() + path.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("apikey", backend.anonKey())
                .header("Authorization", "Bearer " + bearer);
        if (random.nextInt(3) == 0) {
            builder.header("Prefer", headerValue(pick(random, PREFERS) + (random.nextBoolean() ? "," + pick(random, PREFERS) : "")));
        }
        if (random.nextInt(6) == 0) {
            builder.header("Accept", headerValue(random.nextBoolean() ? "application/vnd.pgrst.object+json" : "text/" + pick(random, FRAGMENTS)));
        }
        if (random.nextInt(8) == 0) {
            builder.header("Range", headerValue(random.nextInt(20) + "-" + (random.nextBoolean() ? random.nextInt(30) : pick(random, FRAGMENTS))));
        }
        if (random.nextInt(12) == 0) {
            builder.header(read ? "Accept-Profile" : "Content-Profile", headerValue(random.nextBoolean() ? "public" : pick(random, FRAGMENTS)));
        }
        if (read) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(randomBody(random)));
        }
        return builder.build();
    }

    /** What an HTTP client can send at all: visible ASCII, no leading or trailing blanks. */
    private static String headerValue(String raw) {
        String visible = raw.chars().filter(c -> c > 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.isEmpty() ? "x" : visible;
    }

    private static String randomParam(Random random) {
        switch (random.nextInt(8)) {
            case 0 -> {
                StringBuilder select = new StringBuilder();
                int items = 1 + random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    if (i > 0) {
                        select.append(',');
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> select.append(pick(random, TABLES)).append('(').append(pick(random, COLUMNS)).append(')');
                        case 1 -> select.append(randomText(random, 2)).append(':').append(pick(random, COLUMNS));
                        case 2 -> select.append(pick(random, COLUMNS)).append("::").append(randomText(random, 1));
                        default -> select.append(pick(random, COLUMNS));
                    }
                }
                return "select=" + encode(select.toString());
            }
            case 1 -> {
                return "order=" + encode(pick(random, COLUMNS) + pick(random, new String[] {"", ".desc", ".asc.nullsfirst",
                        ".x", "." + randomText(random, 1)}));
            }
            case 2 -> {
                return pick(random, new String[] {"limit", "offset"}) + "=" + encode(random.nextBoolean()
                        ? Integer.toString(random.nextInt(100) - 5) : randomText(random, 1));
            }
            case 3 -> {
                return pick(random, new String[] {"or", "and", "not.or", "customers.or"}) + "=" + encode("("
                        + pick(random, COLUMNS) + "." + pick(random, OPERATORS) + "." + randomText(random, 2)
                        + (random.nextBoolean() ? "," + pick(random, COLUMNS) + ".eq." + randomText(random, 1) : "")
                        + (random.nextInt(4) == 0 ? "" : ")"));
            }
            case 4 -> {
                return encode(randomText(random, 2)) + "=" + encode(randomText(random, 3));
            }
            case 5 -> {
                return "on_conflict=" + encode(pick(random, COLUMNS) + (random.nextBoolean() ? "," + randomText(random, 1) : ""));
            }
            default -> {
                String operator = pick(random, OPERATORS);
                String value = random.nextInt(4) == 0 ? "(" + randomText(random, 1) + "," + randomText(random, 1) + ")"
                        : randomText(random, 3);
                return encode(pick(random, COLUMNS)) + "=" + encode(operator + "." + value);
            }
        }
    }

    private static String randomBody(Random random) {
        switch (random.nextInt(7)) {
            case 0 -> {
                return randomText(random, 4);
            }
            case 1 -> {
                return "[".repeat(2000) + "]".repeat(2000);
            }
            case 2 -> {
                return "{\"" + escapeJson(pick(random, COLUMNS)) + "\":\"" + escapeJson(randomText(random, 3)) + "\"";
            }
            case 3 -> {
                return "[" + randomObject(random) + "," + randomObject(random) + "]";
            }
            default -> {
                return randomObject(random);
            }
        }
    }

    private static String randomObject(Random random) {
        StringBuilder object = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                object.append(',');
            }
            String key = random.nextInt(3) == 0 ? randomText(random, 1) : pick(random, COLUMNS);
            object.append('"').append(escapeJson(key)).append("\":");
            switch (random.nextInt(5)) {
                case 0 -> object.append(random.nextInt());
                case 1 -> object.append("null");
                case 2 -> object.append("[\"").append(escapeJson(randomText(random, 1))).append("\"]");
                case 3 -> object.append("{\"k\":\"").append(escapeJson(randomText(random, 2))).append("\"}");
                default -> object.append('"').append(escapeJson(randomText(random, 3))).append('"');
            }
        }
        return object.append('}').toString();
    }

    private static String randomText(Random random, int maxFragments) {
        StringBuilder text = new StringBuilder();
        int fragments = 1 + random.nextInt(maxFragments);
        for (int i = 0; i < fragments; i++) {
            text.append(pick(random, FRAGMENTS));
        }
        return text.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String escapeJson(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first company_id in a JSON answer that is not {@code own}, or null. */
    private static String foreignCompanyId(String body, String own) {
        JsonNode json;
        try {
            json = TestBackend.read(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        for (JsonNode value : json.findValues("company_id")) {
            if (!value.isNull() && !value.asText().equals(own)) {
                return value.asText();
            }
        }
        return null;
    }

    /** Row count and content hash of every table in public and auth.users, to prove nothing changed. */
    private static String fingerprint(TestBackend backend) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    select format('%I.%I', schemaname, tablename) from pg_tables
                     where schemaname = 'public' or (schemaname = 'auth' and tablename = 'users') order by 1""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), '' "
                        + "order by md5(t::text))), '') from " + table + " t")) {
                    rows.next();
                    out.append(table).append(' ').append(rows.getLong(1)).append(' ').append(rows.getString(2)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
