package com.fielddesk.localbackend.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.http.ApiRoutes;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.http.RequestBodies;
import com.fielddesk.localbackend.http.StrictText;
import com.fielddesk.localbackend.http.TokenIdentities;
import com.fielddesk.localbackend.rest.QuerySyntax.Scope;
import com.fielddesk.localbackend.rest.QuerySyntax.SelectItem;
import com.fielddesk.localbackend.rest.SchemaCache.Function;
import com.fielddesk.localbackend.rest.SchemaCache.Relation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /rest/v1}: PostgREST's HTTP interface over the exposed schema. Each request is one
 * transaction on a connection of the {@code authenticator} role that switches to the caller's
 * role with the caller's claims, so PostgreSQL's grants and RLS decide what happens.
 */
public final class RestApi implements ApiRoutes {

    public static final String PREFIX = "/rest/v1";
    private static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";
    private static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "or", "and", "not.or",
            "not.and", "on_conflict", "columns", "apikey");
    private static final Pattern RANGE = Pattern.compile("(?:items=)?(\\d{1,18})-(\\d{0,18})");

    private final DataSource authenticator;
    private final SchemaCache schemaCache;
    private final TokenIdentities tokens;
    private final RequestBodies bodies;

    public RestApi(DataSource authenticator, SchemaCache schemaCache, TokenIdentities tokens, RequestBodies bodies) {
        this.authenticator = authenticator;
        this.schemaCache = schemaCache;
        this.tokens = tokens;
        this.bodies = bodies;
    }

    @Override
    public void register(Javalin app) {
        app.get(PREFIX + "/rpc/{function}", ctx -> callFunction(ctx, true));
        app.post(PREFIX + "/rpc/{function}", ctx -> callFunction(ctx, false));
        app.get(PREFIX + "/{resource}", this::read);
        app.head(PREFIX + "/{resource}", this::read);
        app.post(PREFIX + "/{resource}", this::insert);
        app.patch(PREFIX + "/{resource}", this::update);
        app.delete(PREFIX + "/{resource}", this::delete);
        for (HandlerType method : List.of(HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            app.addHttpHandler(method, PREFIX + "/rpc/{function}", ctx -> {
                throw PostgrestError.of(405, "PGRST101", "Cannot use the " + method + " method on RPC", null, null);
            });
        }
        // PostgREST's PUT (single-row upsert by primary key filters) is not implemented here.
        app.put(PREFIX + "/{resource}", ctx -> {
            throw PostgrestError.of(405, "PGRST117", "Unsupported HTTP method: PUT",
                    "local-backend does not implement PUT; use POST with Prefer: resolution=merge-duplicates", null);
        });
    }

    // ---- the parsed request ------------------------------------------------------------------

    /** What every handler needs: the caller, the catalog snapshot and the parsed query string. */
    private final class Request {
        final Context ctx;
        final RequestIdentity identity;
        final SchemaCache.Snapshot catalog;
        final SqlRenderer renderer;
        final Preferences preferences;
        List<SelectItem> select = List.of(new QuerySyntax.Star());
        final Scope root = new Scope();
        final Map<String, Scope> embedded = new LinkedHashMap<>();
        final Map<String, String> arguments = new LinkedHashMap<>();
        String onConflict;
        String columns;
        boolean hasSelect;

        Request(Context ctx, Set<String> argumentNames) {
            this.ctx = ctx;
            this.identity = identity(ctx);
            checkProfile(ctx);
            this.catalog = schemaCache.snapshot();
            this.renderer = new SqlRenderer(catalog, schemaCache);
            this.preferences = Preferences.parse(java.util.Collections.list(ctx.req().getHeaders("Prefer")));
            parseQuery(argumentNames);
        }

        boolean anonymous() {
            return "anon".equals(identity.role());
        }

        boolean singleObject() {
            String accept = ctx.header("Accept");
            return accept != null && accept.contains(SINGLE_OBJECT);
        }

        private void parseQuery(Set<String> argumentNames) {
            for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
                String key = param.getKey();
                for (String value : param.getValue()) {
                    if (argumentNames.contains(key)) {
                        arguments.put(key, value);
                    } else {
                        parseParam(key, value);
                    }
                }
            }
        }

        private void parseParam(String key, String value) {
            switch (key) {
                case "select" -> {
                    select = QueryParser.select(value);
                    hasSelect = true;
                }
                case "apikey" -> {
                }
                case "on_conflict" -> onConflict = value;
                case "columns" -> columns = value;
                default -> {
                    int dot = key.indexOf('.');
                    boolean rootLogic = key.equals("or") || key.equals("and") || key.equals("not.or") || key.equals("not.and");
                    if (dot > 0 && !rootLogic) {
                        Scope scope = embedded.computeIfAbsent(key.substring(0, dot), k -> new Scope());
                        applyToScope(scope, key.substring(dot + 1), value);
                    } else {
                        applyToScope(root, key, value);
                    }
                }
            }
        }

        private void applyToScope(Scope scope, String key, String value) {
            switch (key) {
                case "order" -> scope.order.addAll(QueryParser.order(value));
                case "limit" -> scope.limit = QueryParser.nonNegative("limit", value);
                case "offset" -> scope.offset = QueryParser.nonNegative("offset", value);
                case "or", "and", "not.or", "not.and" -> scope.conditions.add(QueryParser.logic(key, value));
                default -> {
                    if (key.isEmpty() || RESERVED.contains(key)) {
                        throw PostgrestError.badQuery("\"failed to parse filter (" + key + "=" + value + ")\"", null);
                    }
                    scope.conditions.add(QueryParser.filter(key, value));
                }
            }
        }
    }

    private RequestIdentity identity(Context ctx) {
        TokenIdentities.PresentedToken presented = TokenIdentities.presentedBy(ctx);
        if (presented.authorizationNotBearer()) {
            throw PostgrestError.jwt(false, "Authorization header must be a Bearer token");
        }
        try {
            return tokens.identityOf(presented);
        } catch (JwtCodec.InvalidTokenException e) {
            throw PostgrestError.jwt(e.expired(), e.getMessage());
        }
    }

    private void checkProfile(Context ctx) {
        boolean reading = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        String profile = ctx.header(reading ? "Accept-Profile" : "Content-Profile");
        if (profile != null && !profile.equals(schemaCache.schema())) {
            throw PostgrestError.unknownSchema(schemaCache.schema());
        }
    }

    private Relation relation(Request request) {
        String name = request.ctx.pathParam("resource");
        return request.catalog.relation(name)
                .orElseThrow(() -> PostgrestError.unknownTable(schemaCache.schema(), name));
    }

    // ---- read --------------------------------------------------------------------------------

    private void read(Context ctx) {
        Request request = new Request(ctx, Set.of());
        Relation relation = relation(request);
        long offset = request.root.offset == null ? 0 : request.root.offset;
        Long limit = request.root.limit;
        String range = ctx.header("Range");
        if (range != null) {
            Matcher matcher = RANGE.matcher(range.trim());
            if (!matcher.matches()) {
                throw PostgrestError.of(416, "PGRST103", "Requested range not satisfiable", "Bad Range header " + range, null);
            }
            long first = Long.parseLong(matcher.group(1));
            if (request.root.offset == null) {
                offset = first;
            }
            if (!matcher.group(2).isEmpty()) {
                long last = Long.parseLong(matcher.group(2));
                if (last < first) {
                    throw PostgrestError.of(416, "PGRST103", "Requested range not satisfiable", null, null);
                }
                limit = limit == null ? last - first + 1 : Math.min(limit, last - first + 1);
            }
        }
        List<Sql> inner = new ArrayList<>();
        Sql items = request.renderer.selectList(relation, "_t0", request.select, request.embedded, inner);
        Sql where = whereClause(request, relation, inner);
        Sql rows = new Sql().append("select ").append(items).append(" from ").append(qualified(relation))
                .append(" as _t0").append(where).append(request.renderer.orderBy(relation, "_t0", request.root.order))
                .append(SqlRenderer.paging(limit, offset));
        Sql query = aggregate(rows);
        Sql count = request.preferences.countExact()
                ? new Sql().append("select count(*) from ").append(qualified(relation)).append(" as _t0").append(where)
                : null;
        long finalOffset = offset;
        transaction(request, true, connection -> {
            Result result = run(connection, query);
            Long total = count == null ? null : scalarLong(connection, count);
            respondRead(request, result, total, finalOffset, connection);
            return null;
        });
    }

    private Sql whereClause(Request request, Relation relation, List<Sql> inner) {
        Sql conditions = request.renderer.conditions(relation, "_t0", request.root.conditions);
        for (Sql extra : inner) {
            if (!conditions.isEmpty()) {
                conditions.append(" and ");
            }
            conditions.append(extra);
        }
        return conditions.isEmpty() ? new Sql() : new Sql().append(" where ").append(conditions);
    }

    private void respondRead(Request request, Result result, Long total, long offset, Connection connection)
            throws SQLException {
        Context ctx = request.ctx;
        String totalText = total == null ? "*" : Long.toString(total);
        if (total != null && offset > total) {
            throw PostgrestError.of(416, "PGRST103", "Requested range not satisfiable",
                    "An offset of " + offset + " was requested, but there are only " + total + " rows.", null,
                    Map.of("Content-Range", "*/" + totalText));
        }
        if (request.singleObject() && result.count != 1) {
            throw PostgrestError.notSingle(result.count);
        }
        ctx.header("Content-Range", result.count == 0 ? "*/" + totalText
                : offset + "-" + (offset + result.count - 1) + "/" + totalText);
        String applied = request.preferences.applied(false);
        if (!applied.isEmpty()) {
            ctx.header("Preference-Applied", applied);
        }
        boolean partial = total != null && result.count < total;
        ctx.status(partial ? 206 : 200);
        body(request, result);
    }

    private void body(Request request, Result result) {
        Context ctx = request.ctx;
        // PostgREST itself never compresses (hosted Supabase leaves that to its edge proxy), and this
        // server answers on the same machine: gzip of a multi-megabyte sync page cost more CPU on
        // both ends than the loopback transfer it saves.
        ctx.minSizeForCompression(Integer.MAX_VALUE);
        if (request.singleObject()) {
            ctx.contentType(SINGLE_OBJECT + "; charset=utf-8");
            ctx.result(ctx.method() == HandlerType.HEAD ? "" : result.single);
        } else {
            ctx.contentType(Json.CONTENT_TYPE);
            ctx.result(ctx.method() == HandlerType.HEAD ? "" : result.json);
        }
    }

    // ---- insert / upsert ---------------------------------------------------------------------

    private void insert(Context ctx) {
        Request request = new Request(ctx, Set.of());
        Relation relation = relation(request);
        JsonNode body = jsonBody(ctx);
        List<ObjectNode> objects = new ArrayList<>();
        if (body.isObject()) {
            objects.add((ObjectNode) body);
        } else if (body.isArray()) {
            for (JsonNode element : body) {
                if (!element.isObject()) {
                    throw PostgrestError.badBody("All object keys must match");
                }
                objects.add((ObjectNode) element);
            }
        } else {
            throw PostgrestError.badBody("Empty or invalid json");
        }
        Preferences preferences = request.preferences;
        List<String> conflictColumns = conflictColumns(request, relation);

        // One statement per set of keys when missing=default, so absent keys take the column default.
        Map<List<String>, List<ObjectNode>> groups = new LinkedHashMap<>();
        List<String> declared = request.columns == null ? null : payloadColumns(relation,
                QueryParser.split(QueryParser.stripSpaces(request.columns), ',', "columns").stream()
                        .map(QueryParser::unquote).toList());
        if (preferences.missingDefault()) {
            for (ObjectNode object : objects) {
                List<String> present = fieldNames(object).stream()
                        .filter(name -> declared == null || declared.contains(name)).toList();
                groups.computeIfAbsent(payloadColumns(relation, present), k -> new ArrayList<>()).add(object);
            }
        } else if (declared != null) {
            groups.put(declared, objects);
        } else {
            Set<String> union = new LinkedHashSet<>();
            objects.forEach(object -> union.addAll(fieldNames(object)));
            groups.put(payloadColumns(relation, new ArrayList<>(union)), objects);
        }
        List<Sql> statements = new ArrayList<>();
        for (Map.Entry<List<String>, List<ObjectNode>> group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            List<String> columns = group.getKey();
            ArrayNode rows = Json.MAPPER.createArrayNode();
            group.getValue().forEach(rows::add);
            Sql statement = new Sql().append("insert into ").append(qualified(relation)).append(" as _t0");
            if (!columns.isEmpty()) {
                statement.append(" (").append(columnList(columns, "")).append(")");
            }
            statement.append(" select ").append(columns.isEmpty() ? "" : columnList(columns, "_b."))
                    .append(" from json_populate_recordset(null::").append(qualified(relation)).append(", ")
                    .text(rows.toString()).append("::json) as _b");
            if (preferences.resolution() != null) {
                statement.append(" on conflict (").append(columnList(conflictColumns, "")).append(")");
                if (preferences.resolution().equals("ignore-duplicates") || columns.isEmpty()) {
                    statement.append(" do nothing");
                } else {
                    statement.append(" do update set ");
                    for (int i = 0; i < columns.size(); i++) {
                        statement.append(i == 0 ? "" : ", ").identifier(columns.get(i)).append(" = excluded.")
                                .identifier(columns.get(i));
                    }
                }
            }
            statements.add(statement);
        }
        write(request, relation, statements, 201);
    }

    private List<String> conflictColumns(Request request, Relation relation) {
        if (request.preferences.resolution() == null) {
            return List.of();
        }
        List<String> columns = request.onConflict == null ? relation.primaryKey()
                : payloadColumns(relation, QueryParser.split(QueryParser.stripSpaces(request.onConflict), ',', "on_conflict"));
        if (columns.isEmpty() || !relation.isUnique(columns)) {
            throw PostgrestError.of(400, "42P10",
                    "there is no unique or exclusion constraint matching the ON CONFLICT specification", null, null);
        }
        return columns;
    }

    // ---- update / delete ---------------------------------------------------------------------

    private void update(Context ctx) {
        Request request = new Request(ctx, Set.of());
        Relation relation = relation(request);
        JsonNode body = jsonBody(ctx);
        if (!body.isObject()) {
            throw PostgrestError.badBody("Empty or invalid json");
        }
        List<String> columns = payloadColumns(relation, fieldNames((ObjectNode) body));
        List<Sql> statements = new ArrayList<>();
        if (!columns.isEmpty()) {
            List<Sql> inner = new ArrayList<>();
            Sql statement = new Sql().append("update ").append(qualified(relation)).append(" as _t0 set ");
            for (int i = 0; i < columns.size(); i++) {
                statement.append(i == 0 ? "" : ", ").identifier(columns.get(i)).append(" = _b.").identifier(columns.get(i));
            }
            statement.append(" from json_populate_record(null::").append(qualified(relation)).append(", ")
                    .text(body.toString()).append("::json) as _b").append(whereClause(request, relation, inner));
            statements.add(statement);
        }
        write(request, relation, statements, 200);
    }

    private void delete(Context ctx) {
        Request request = new Request(ctx, Set.of());
        Relation relation = relation(request);
        Sql statement = new Sql().append("delete from ").append(qualified(relation)).append(" as _t0")
                .append(whereClause(request, relation, new ArrayList<>()));
        write(request, relation, List.of(statement), 200);
    }

    /**
     * Runs the write statements and answers as PostgREST does: 201/204 without a body by default,
     * the affected rows (shaped by {@code select}) with {@code return=representation}.
     */
    private void write(Request request, Relation relation, List<Sql> statements, int representationStatus) {
        Context ctx = request.ctx;
        Preferences preferences = request.preferences;
        boolean insert = ctx.method() == HandlerType.POST;
        boolean representation = preferences.representation();
        boolean headersOnly = insert && "headers-only".equals(preferences.returnMode());
        List<Sql> inner = new ArrayList<>();
        List<SelectItem> shape = headersOnly ? primaryKeyItems(relation) : request.select;
        Sql items = representation || headersOnly
                ? request.renderer.selectList(relation, "_t0", shape, request.embedded, inner) : null;
        Sql order = request.renderer.orderBy(relation, "_t0", request.root.order);
        transaction(request, false, connection -> {
            long affected = 0;
            ArrayNode rows = Json.MAPPER.createArrayNode();
            for (Sql statement : statements) {
                if (items == null) {
                    try (PreparedStatement prepared = statement.prepare(connection)) {
                        affected += prepared.executeUpdate();
                    }
                } else {
                    Sql returning = new Sql().append("with _m as (").append(statement).append(" returning _t0.*) ");
                    Sql rowsOut = new Sql().append("select ").append(items).append(" from _m as _t0").append(order);
                    Result result = run(connection, returning.append(aggregate(rowsOut)));
                    affected += result.count;
                    rows.addAll((ArrayNode) readTree(result.json));
                }
            }
            if (request.singleObject() && affected != 1) {
                throw PostgrestError.notSingle(affected);
            }
            String applied = preferences.applied(true);
            if (!applied.isEmpty()) {
                ctx.header("Preference-Applied", applied);
            }
            ctx.header("Content-Range", insert ? "*/*" : affected == 0 ? "*/*" : "0-" + (affected - 1) + "/*");
            if (headersOnly) {
                location(ctx, relation, rows);
                ctx.status(201);
            } else if (representation) {
                ctx.status(insert ? 201 : representationStatus);
                Result result = new Result(rows.toString(), affected, rows.size() == 1 ? rows.get(0).toString() : null);
                body(request, result);
            } else {
                ctx.status(insert ? 201 : 204);
            }
            return null;
        });
    }

    private static List<SelectItem> primaryKeyItems(Relation relation) {
        return relation.primaryKey().stream().<SelectItem>map(column -> new QuerySyntax.Field(
                new QuerySyntax.ColumnPath(column, List.of()), null, null)).toList();
    }

    private static void location(Context ctx, Relation relation, ArrayNode rows) {
        if (rows.isEmpty() || relation.primaryKey().isEmpty()) {
            return;
        }
        StringBuilder location = new StringBuilder("/").append(relation.name());
        char separator = '?';
        for (String column : relation.primaryKey()) {
            location.append(separator).append(URLEncoder.encode(column, StandardCharsets.UTF_8)).append("=eq.")
                    .append(URLEncoder.encode(rows.get(0).path(column).asText(), StandardCharsets.UTF_8));
            separator = '&';
        }
        ctx.header("Location", location.toString());
    }

    // ---- rpc ---------------------------------------------------------------------------------

    private void callFunction(Context ctx, boolean viaGet) {
        String name = ctx.pathParam("function");
        List<Function> overloads = schemaCache.snapshot().functions().getOrDefault(name, List.of());
        Set<String> allArgumentNames = new LinkedHashSet<>();
        overloads.forEach(f -> f.arguments().forEach(a -> allArgumentNames.add(a.name())));
        Request request = new Request(ctx, viaGet ? allArgumentNames : Set.of());
        Map<String, JsonNode> arguments = new LinkedHashMap<>();
        if (viaGet) {
            request.arguments.forEach((key, value) -> arguments.put(key, Json.MAPPER.getNodeFactory().textNode(value)));
        } else {
            String text = bodyText(ctx);
            JsonNode body = text.isBlank() ? Json.MAPPER.createObjectNode() : parseJson(text);
            if (!body.isObject()) {
                throw PostgrestError.badBody("Empty or invalid json");
            }
            body.fields().forEachRemaining(field -> arguments.put(field.getKey(), field.getValue()));
        }
        Function function = overloads.stream()
                .filter(f -> f.arguments().stream().map(SchemaCache.Argument::name).toList().containsAll(arguments.keySet()))
                .filter(f -> f.arguments().stream().allMatch(a -> a.hasDefault() || arguments.containsKey(a.name())))
                .findFirst()
                .orElseThrow(() -> PostgrestError.of(404, "PGRST202", "Could not find the function "
                        + schemaCache.schema() + "." + name + "(" + String.join(", ", arguments.keySet())
                        + ") in the schema cache", "Searched for the function " + schemaCache.schema() + "." + name
                        + (arguments.isEmpty() ? " without parameters" : " with parameters " + String.join(", ", arguments.keySet()))
                        + " or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
                        null));

        Sql from = new Sql();
        Sql call = new Sql().identifier(function.schema()).append(".").identifier(function.name()).append("(");
        if (!arguments.isEmpty()) {
            ObjectNode values = Json.MAPPER.createObjectNode();
            arguments.forEach(values::set);
            from.append("json_to_record(").text(values.toString()).append("::json) as _a(");
            int i = 0;
            for (SchemaCache.Argument argument : function.arguments()) {
                if (!arguments.containsKey(argument.name())) {
                    continue;
                }
                from.append(i == 0 ? "" : ", ").identifier(argument.name()).append(" ").append(argument.type());
                call.append(i == 0 ? "" : ", ").identifier(argument.name()).append(" => _a.").identifier(argument.name());
                i++;
            }
            from.append(")");
        }
        call.append(")");

        transaction(request, viaGet, connection -> {
            switch (function.returnKind()) {
                case VOID -> {
                    Sql statement = new Sql().append("select ").append(call);
                    if (!from.isEmpty()) {
                        statement.append(" from ").append(from);
                    }
                    try (PreparedStatement prepared = statement.prepare(connection)) {
                        prepared.execute();
                    }
                    ctx.status(204);
                }
                case SCALAR -> {
                    Sql statement = new Sql();
                    Sql source = from.isEmpty() ? new Sql() : new Sql().append(" from ").append(from);
                    if (function.returnsSet()) {
                        statement.append("select coalesce(json_agg(_t0), '[]'::json)::text")
                                .append(from.isEmpty() ? new Sql().append(" from ") : source.append(", lateral "))
                                .append(call).append(" as _t0");
                    } else {
                        statement.append("select to_json(").append(call).append(")::text").append(source);
                    }
                    ctx.status(200).contentType(Json.CONTENT_TYPE).result(String.valueOf(scalarText(connection, statement)));
                }
                case ROWS -> {
                    Relation result = function.result();
                    List<Sql> inner = new ArrayList<>();
                    Sql items = request.renderer.selectList(result, "_t0", request.select, request.embedded, inner);
                    Sql rows = new Sql().append("select ").append(items).append(" from ");
                    if (!from.isEmpty()) {
                        rows.append(from).append(", lateral ");
                    }
                    rows.append(call).append(" as _t0").append(whereClause(request, result, inner))
                            .append(request.renderer.orderBy(result, "_t0", request.root.order))
                            .append(SqlRenderer.paging(request.root.limit, request.root.offset));
                    Result out = run(connection, aggregate(rows));
                    if (!function.returnsSet() && !request.singleObject()) {
                        ctx.status(200).contentType(Json.CONTENT_TYPE)
                                .result(out.count == 0 ? "null" : readTree(out.json).get(0).toString());
                    } else {
                        if (request.singleObject() && out.count != 1) {
                            throw PostgrestError.notSingle(out.count);
                        }
                        ctx.status(200);
                        body(request, out);
                    }
                }
            }
            return null;
        });
    }

    // ---- SQL plumbing ------------------------------------------------------------------------

    /** Rows as JSON text, how many, and the one row as an object when there is exactly one. */
    private record Result(String json, long count, String single) {
    }

    private static Sql aggregate(Sql rows) {
        return new Sql().append("select coalesce(json_agg(_j), '[]'::json)::text, count(*), ")
                .append("case when count(*) = 1 then (json_agg(_j) -> 0)::text end from (").append(rows).append(") as _j");
    }

    private static Result run(Connection connection, Sql query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Result(rows.getString(1), rows.getLong(2), rows.getString(3));
        }
    }

    private static long scalarLong(Connection connection, Sql query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String scalarText(Connection connection, Sql query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return "null";
            }
            String value = rows.getString(1);
            return value == null ? "null" : value;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One transaction as the caller: SET LOCAL ROLE, the JWT claims and the request settings. */
    private <T> T transaction(Request request, boolean readOnly, Work<T> work) {
        try (Connection connection = authenticator.getConnection()) {
            connection.setAutoCommit(false);
            try {
                applyRequestSettings(connection, request, readOnly);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw PostgrestError.fromSql(e, request.anonymous());
            } catch (RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw PostgrestError.fromSql(e, request.anonymous());
        }
    }

    /** The pool may already have discarded a connection after a failed statement; the failure itself is what counts. */
    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // A closed or broken connection has no transaction left to roll back.
        }
    }

    /**
     * In one round trip (the transaction's first): the caller's identity ({@link RequestIdentity}),
     * the request's method, path and headers for SQL to read, the caller's role settings
     * (timeouts) and, for GET, a read-only transaction as PostgREST runs it.
     */
    private static void applyRequestSettings(Connection connection, Request request, boolean readOnly)
            throws SQLException {
        Context ctx = request.ctx;
        ObjectNode headers = Json.MAPPER.createObjectNode();
        for (Iterator<String> names = ctx.req().getHeaderNames().asIterator(); names.hasNext(); ) {
            String name = names.next();
            headers.put(name.toLowerCase(java.util.Locale.ROOT), ctx.req().getHeader(name));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("request.method", ctx.method().name());
        settings.put("request.path", ctx.path());
        settings.put("request.headers", headers.toString());
        settings.putAll(request.catalog.settingsOf(request.identity.role()));
        if (readOnly) {
            settings.put("transaction_read_only", "on");
        }
        StringBuilder sql = new StringBuilder(RequestIdentity.SETTINGS_SQL);
        for (int i = 0; i < settings.size(); i++) {
            sql.append(", set_config(?, ?, true)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            request.identity.bindSettings(statement, 1);
            int index = 1 + RequestIdentity.SETTINGS_PARAMETERS;
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                statement.setString(index++, setting.getKey());
                statement.setString(index++, setting.getValue());
            }
            statement.execute();
        }
    }

    private static String qualified(Relation relation) {
        return Sql.quote(relation.schema()) + "." + Sql.quote(relation.name());
    }

    private static String columnList(List<String> columns, String prefix) {
        StringBuilder list = new StringBuilder();
        for (String column : columns) {
            if (list.length() > 0) {
                list.append(", ");
            }
            list.append(prefix).append(Sql.quote(column));
        }
        return list.toString();
    }

    private static List<String> payloadColumns(Relation relation, List<String> names) {
        for (String name : names) {
            if (relation.column(name).isEmpty()) {
                throw PostgrestError.unknownPayloadColumn(relation.name(), name);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode jsonBody(Context ctx) {
        return parseJson(bodyText(ctx));
    }

    /**
     * The request body as text, refused as PostgREST does when its media type is not one this
     * server parses, and refused when it is not UTF-8 (PostgREST's JSON parser fails on it).
     */
    private String bodyText(Context ctx) {
        requireJsonContentType(ctx.header("Content-Type"));
        try {
            return bodies.readText(ctx);
        } catch (RequestBodies.NotUtf8 notUtf8) {
            throw PostgrestError.of(400, "PGRST102", "Empty or invalid json", notUtf8.getMessage(), null);
        }
    }

    /**
     * PostgREST parses {@code application/json} (also when the header is missing) for table
     * writes and functions; other media types it answers with 400 PGRST102 "Content-Type not
     * acceptable" (its Payload.hs). CSV and form bodies, which PostgREST also takes, are not
     * implemented here and are refused the same way.
     */
    static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw PostgrestError.of(400, "PGRST102", "Content-Type not acceptable: " + mediaType,
                    "local-backend accepts application/json request bodies", null);
        }
    }

    private static JsonNode parseJson(String text) {
        if (text.isBlank()) {
            throw PostgrestError.badBody("Empty or invalid json");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw PostgrestError.badBody("Empty or invalid json");
        }
        StrictText.problemIn(json).ifPresent(problem -> {
            throw PostgrestError.of(400, problem.sqlState, problem.message, problem.details, null);
        });
        return json;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned invalid JSON", e);
        }
    }
}
