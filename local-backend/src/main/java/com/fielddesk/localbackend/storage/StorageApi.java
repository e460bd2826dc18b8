package com.fielddesk.localbackend.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.db.Transactions;
import com.fielddesk.localbackend.http.ApiRoutes;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.http.RequestBodies;
import com.fielddesk.localbackend.http.TokenIdentities;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /storage/v1}: Supabase Storage's object API. Object rows live in {@code storage.objects}
 * and every read or write of them runs as the caller (role + claims, like REST), so the policies
 * in supabase/migrations decide; the bytes live in {@link ObjectFiles}. Signed URLs are the one
 * path that bypasses RLS: whoever may read an object may hand out a time-limited link to it.
 */
public final class StorageApi implements ApiRoutes {

    public static final String PREFIX = "/storage/v1";
    /** The public path of signed URLs; the gateway lets these through without an API key. */
    public static final String SIGNED_OBJECT_PATH = PREFIX + "/object/sign/";
    /** Upper bound for any object, whatever a bucket allows. */
    static final long MAX_OBJECT_BYTES = 50L * 1024 * 1024;
    private static final int DEFAULT_SIGNED_URL_SECONDS = 60;

    private final DataSource authenticator;
    private final DataSource admin;
    private final TokenIdentities tokens;
    private final ObjectFiles files;
    private final RequestBodies bodies;
    private final StorageObjects objects = new StorageObjects();

    public StorageApi(DataSource authenticator, DataSource admin, TokenIdentities tokens, ObjectFiles files,
                      RequestBodies bodies) {
        this.authenticator = authenticator;
        this.admin = admin;
        this.tokens = tokens;
        this.files = files;
        this.bodies = bodies;
    }

    @Override
    public void register(Javalin app) {
        // Javalin takes the first matching route, so the fixed words come before {bucket}.
        app.get(PREFIX + "/bucket", this::listBuckets);
        app.get(PREFIX + "/bucket/{bucket}", this::getBucket);
        app.post(PREFIX + "/object/list/{bucket}", this::list);
        app.post(PREFIX + "/object/sign/{bucket}/<name>", this::sign);
        app.post(PREFIX + "/object/sign/{bucket}", this::signMany);
        app.get(PREFIX + "/object/sign/{bucket}/<name>", this::serveSigned);
        app.get(PREFIX + "/object/authenticated/{bucket}/<name>", this::download);
        app.head(PREFIX + "/object/authenticated/{bucket}/<name>", this::download);
        app.get(PREFIX + "/object/public/{bucket}/<name>", this::downloadPublic);
        app.get(PREFIX + "/object/{bucket}/<name>", this::download);
        app.head(PREFIX + "/object/{bucket}/<name>", this::download);
        app.post(PREFIX + "/object/{bucket}/<name>", ctx -> upload(ctx, isTrue(ctx.header("x-upsert"))));
        app.put(PREFIX + "/object/{bucket}/<name>", ctx -> upload(ctx, true));
        app.delete(PREFIX + "/object/{bucket}/<name>", this::deleteOne);
        app.delete(PREFIX + "/object/{bucket}", this::deleteMany);
    }

    // ---- upload ----------------------------------------------------------------------------------

    private void upload(Context ctx, boolean upsert) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        String name = objectName(ctx);
        Bucket bucket = bucket(bucketId);
        Upload upload = readUpload(ctx);
        bucket.checkMimeType(upload.mimeType());
        long limit = bucket.sizeLimit();
        if (upload.declaredLength() > limit) {
            throw StorageError.tooLarge();
        }
        ObjectFiles.WriteResult result;
        try (InputStream content = upload.content()) {
            result = files.write(bucketId, content, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an upload", e);
        }
        if (result instanceof ObjectFiles.TooLarge) {
            throw StorageError.tooLarge();
        }
        ObjectFiles.Written written = (ObjectFiles.Written) result;
        Map<String, Object> metadata = metadata(written, upload);
        StorageObjects.Stored stored;
        try {
            stored = asCaller(caller, connection ->
                    objects.store(connection, bucketId, name, caller.subject(), Json.write(metadata), written.version(), upsert));
        } catch (RuntimeException refused) {
            files.delete(bucketId, written.version());
            throw refused;
        }
        stored.replacedVersion().ifPresent(old -> files.delete(bucketId, old));
        ctx.json(Map.of("Id", stored.id(), "Key", bucketId + "/" + name));
    }

    /** What an upload carries, raw body or the file part of a multipart form. */
    private record Upload(String mimeType, String cacheControl, long declaredLength, InputStreamSource source) {
        InputStream content() throws IOException {
            return source.open();
        }
    }

    private interface InputStreamSource {
        InputStream open() throws IOException;
    }

    private Upload readUpload(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            List<UploadedFile> uploaded = ctx.uploadedFiles();
            if (uploaded.isEmpty()) {
                throw StorageError.invalidRequest("The multipart form holds no file");
            }
            UploadedFile file = uploaded.get(0);
            String cacheControl = ctx.formParam("cacheControl");
            return new Upload(baseMimeType(file.contentType()), cacheControl == null ? "no-cache" : "max-age=" + cacheControl,
                    file.size(), file::content);
        }
        String cacheControl = Optional.ofNullable(ctx.header("Cache-Control")).orElse("no-cache");
        return new Upload(baseMimeType(contentType), cacheControl, ctx.req().getContentLengthLong(),
                () -> ctx.req().getInputStream());
    }

    private static Map<String, Object> metadata(ObjectFiles.Written written, Upload upload) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("eTag", "\"" + written.version() + "\"");
        metadata.put("size", written.size());
        metadata.put("mimetype", upload.mimeType());
        metadata.put("cacheControl", upload.cacheControl());
        metadata.put("lastModified", Instant.now().toString());
        metadata.put("contentLength", written.size());
        metadata.put("httpStatusCode", 200);
        return metadata;
    }

    // ---- download --------------------------------------------------------------------------------

    private void download(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        String name = objectName(ctx);
        bucket(bucketId);
        StorageObjects.Found found = asCaller(caller, connection -> objects.find(connection, bucketId, name))
                .orElseThrow(StorageError::objectNotFound);
        serve(ctx, bucketId, found);
    }

    private void downloadPublic(Context ctx) {
        String bucketId = ctx.pathParam("bucket");
        if (!bucket(bucketId).isPublic()) {
            throw StorageError.objectNotFound();
        }
        StorageObjects.Found found = asAdmin(connection -> objects.find(connection, bucketId, objectName(ctx)))
                .orElseThrow(StorageError::objectNotFound);
        serve(ctx, bucketId, found);
    }

    private void serve(Context ctx, String bucketId, StorageObjects.Found found) {
        Path file = files.find(bucketId, found.version()).orElseThrow(StorageError::objectNotFound);
        JsonNode metadata = found.metadata();
        ctx.contentType(text(metadata, "mimetype", "application/octet-stream"));
        ctx.header("Cache-Control", text(metadata, "cacheControl", "no-cache"));
        ctx.header("ETag", text(metadata, "eTag", "\"" + found.version() + "\""));
        try {
            // Stored bytes go out as they are, with their real length: compressing them on the fly
            // would contradict that Content-Length (clients then see a truncated body), and PDFs
            // and images are compressed already.
            ctx.minSizeForCompression(Integer.MAX_VALUE);
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
                return;
            }
            // Opened now: a concurrent replace unlinks the old version, but an open file stays readable.
            ctx.result(Files.newInputStream(file));
        } catch (IOException e) {
            throw StorageError.objectNotFound();
        }
    }

    // ---- signed URLs -----------------------------------------------------------------------------

    private void sign(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        String name = objectName(ctx);
        bucket(bucketId);
        int expiresIn = expiresIn(readJson(ctx));
        asCaller(caller, connection -> objects.find(connection, bucketId, name)).orElseThrow(StorageError::objectNotFound);
        ctx.json(Map.of("signedURL", signedUrl(bucketId, name, expiresIn)));
    }

    private void signMany(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        bucket(bucketId);
        JsonNode body = readJson(ctx);
        int expiresIn = expiresIn(body);
        JsonNode paths = body.path("paths");
        if (!paths.isArray()) {
            throw StorageError.invalidRequest("body must have required property 'paths'");
        }
        List<String> names = new ArrayList<>();
        paths.forEach(path -> names.add(path.asText()));
        List<String> visible = asCaller(caller, connection -> objects.visibleNames(connection, bucketId, names));
        List<Map<String, Object>> result = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> entry = new LinkedHashMap<>();
            boolean found = visible.contains(name);
            entry.put("error", found ? null : "Either the object does not exist or you do not have access to it");
            entry.put("path", name);
            entry.put("signedURL", found ? signedUrl(bucketId, name, expiresIn) : null);
            result.add(entry);
        }
        ctx.json(result);
    }

    private String signedUrl(String bucketId, String name, int expiresIn) {
        long now = Instant.now().getEpochSecond();
        String token = tokens.codec().sign(Map.of("url", bucketId + "/" + name, "iat", now, "exp", now + expiresIn));
        return "/object/sign/" + bucketId + "/" + name + "?token=" + token;
    }

    private void serveSigned(Context ctx) {
        String bucketId = ctx.pathParam("bucket");
        String name = objectName(ctx);
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            throw StorageError.of(400, "InvalidSignature", "Missing token");
        }
        JwtCodec.VerifiedToken verified;
        try {
            verified = tokens.codec().verify(token);
        } catch (JwtCodec.InvalidTokenException e) {
            throw StorageError.of(400, "InvalidJWT", e.expired() ? "jwt expired" : "invalid signature");
        }
        if (!(bucketId + "/" + name).equals(verified.claims().get("url"))) {
            throw StorageError.of(400, "InvalidSignature", "The url do not match the signature");
        }
        StorageObjects.Found found = asAdmin(connection -> objects.find(connection, bucketId, name))
                .orElseThrow(StorageError::objectNotFound);
        serve(ctx, bucketId, found);
    }

    // ---- list and delete -------------------------------------------------------------------------

    private void list(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        bucket(bucketId);
        JsonNode body = readJson(ctx);
        String prefix = body.path("prefix").asText("");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        int limit = body.path("limit").asInt(100);
        int offset = body.path("offset").asInt(0);
        String search = body.path("search").asText("");
        String sortColumn = body.path("sortBy").path("column").asText("name");
        boolean descending = "desc".equalsIgnoreCase(body.path("sortBy").path("order").asText("asc"));
        String folderPrefix = prefix;
        List<StorageObjects.Listed> rows = asCaller(caller, connection -> objects.underPrefix(connection, bucketId, folderPrefix));

        // One entry per direct child: files as themselves, deeper objects as their first folder.
        Map<String, Map<String, Object>> children = new TreeMap<>();
        for (StorageObjects.Listed row : rows) {
            String rest = row.name().substring(folderPrefix.length());
            int slash = rest.indexOf('/');
            String childName = slash < 0 ? rest : rest.substring(0, slash);
            if (childName.isEmpty() || !childName.toLowerCase(Locale.ROOT).startsWith(search.toLowerCase(Locale.ROOT))) {
                continue;
            }
            children.putIfAbsent(childName, slash < 0 ? row.asFile(childName) : StorageObjects.Listed.folder(childName));
        }
        Comparator<Map<String, Object>> order = Comparator.comparing(
                entry -> String.valueOf(entry.get(sortColumn.equals("name") ? "name" : sortColumn)));
        if (descending) {
            order = order.reversed();
        }
        ctx.json(children.values().stream().sorted(order).skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList());
    }

    private void deleteMany(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        bucket(bucketId);
        JsonNode prefixes = readJson(ctx).path("prefixes");
        if (!prefixes.isArray() || prefixes.isEmpty()) {
            throw StorageError.invalidRequest("body must have required property 'prefixes'");
        }
        List<String> names = new ArrayList<>();
        prefixes.forEach(prefix -> names.add(prefix.asText()));
        List<StorageObjects.Deleted> deleted = asCaller(caller, connection -> objects.delete(connection, bucketId, names));
        deleted.forEach(row -> files.delete(bucketId, row.version()));
        ctx.json(deleted.stream().map(StorageObjects.Deleted::asJson).toList());
    }

    private void deleteOne(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        String name = objectName(ctx);
        bucket(bucketId);
        List<StorageObjects.Deleted> deleted = asCaller(caller, connection -> objects.delete(connection, bucketId, List.of(name)));
        if (deleted.isEmpty()) {
            throw StorageError.objectNotFound();
        }
        deleted.forEach(row -> files.delete(bucketId, row.version()));
        ctx.json(Map.of("message", "Successfully deleted"));
    }

    // ---- buckets ---------------------------------------------------------------------------------

    private void listBuckets(Context ctx) {
        RequestIdentity caller = caller(ctx);
        ctx.json(asCaller(caller, objects::buckets));
    }

    private void getBucket(Context ctx) {
        RequestIdentity caller = caller(ctx);
        String bucketId = ctx.pathParam("bucket");
        ctx.json(asCaller(caller, objects::buckets).stream().filter(bucket -> bucketId.equals(bucket.get("id")))
                .findFirst().orElseThrow(StorageError::bucketNotFound));
    }

    /** A bucket's rules, read as the service (bucket rows are not visible to API roles). */
    private Bucket bucket(String bucketId) {
        return asAdmin(connection -> objects.bucket(connection, bucketId)).orElseThrow(StorageError::bucketNotFound);
    }

    record Bucket(String id, boolean isPublic, Long fileSizeLimit, List<String> allowedMimeTypes) {
        long sizeLimit() {
            return fileSizeLimit == null ? MAX_OBJECT_BYTES : Math.min(fileSizeLimit, MAX_OBJECT_BYTES);
        }

        void checkMimeType(String mimeType) {
            if (allowedMimeTypes == null || allowedMimeTypes.isEmpty()) {
                return;
            }
            for (String allowed : allowedMimeTypes) {
                if (allowed.equalsIgnoreCase(mimeType)
                        || (allowed.endsWith("/*") && mimeType.regionMatches(true, 0, allowed, 0, allowed.length() - 1))) {
                    return;
                }
            }
            throw StorageError.mimeTypeRefused(mimeType);
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    private RequestIdentity caller(Context ctx) {
        try {
            // Storage, unlike REST, ignores an Authorization header that is not a Bearer token.
            return tokens.identityOf(TokenIdentities.presentedBy(ctx));
        } catch (JwtCodec.InvalidTokenException e) {
            throw StorageError.invalidJwt(e.expired() ? "jwt expired" : e.getMessage());
        }
    }

    private static String objectName(Context ctx) {
        String name = ctx.pathParam("name");
        if (name.isEmpty() || name.length() > 1024 || name.startsWith("/") || name.contains("//")
                || name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")
                || name.chars().anyMatch(c -> c < 0x20)) {
            throw StorageError.invalidKey(name);
        }
        return name;
    }

    private JsonNode readJson(Context ctx) {
        String text = bodies.readText(ctx);
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (!node.isObject()) {
                throw StorageError.invalidRequest("body must be object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw StorageError.invalidRequest("Body is not valid JSON");
        }
    }

    private static int expiresIn(JsonNode body) {
        JsonNode value = body.path("expiresIn");
        if (value.isMissingNode() || value.isNull()) {
            return DEFAULT_SIGNED_URL_SECONDS;
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw StorageError.invalidRequest("expiresIn must be a positive number of seconds");
        }
        return value.asInt();
    }

    private static String baseMimeType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static boolean isTrue(String header) {
        return header != null && header.equalsIgnoreCase("true");
    }

    private <T> T asCaller(RequestIdentity caller, Transactions.Work<T> work) {
        return inTransaction(authenticator, caller, work);
    }

    private <T> T asAdmin(Transactions.Work<T> work) {
        return inTransaction(admin, null, work);
    }

    private static <T> T inTransaction(DataSource dataSource, RequestIdentity caller, Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, caller, work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> StorageError.duplicate();
            case "42501" -> StorageError.rowLevelSecurity();
            case "22P02", "22023", "23514" -> StorageError.invalidRequest(e.getMessage());
            default -> new IllegalStateException("Storage SQL failed: " + e.getMessage(), e);
        };
    }
}
