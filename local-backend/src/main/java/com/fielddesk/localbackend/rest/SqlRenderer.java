package com.fielddesk.localbackend.rest;

import com.fielddesk.localbackend.rest.QuerySyntax.ColumnPath;
import com.fielddesk.localbackend.rest.QuerySyntax.Condition;
import com.fielddesk.localbackend.rest.QuerySyntax.Embed;
import com.fielddesk.localbackend.rest.QuerySyntax.Field;
import com.fielddesk.localbackend.rest.QuerySyntax.Filter;
import com.fielddesk.localbackend.rest.QuerySyntax.Logic;
import com.fielddesk.localbackend.rest.QuerySyntax.OrderTerm;
import com.fielddesk.localbackend.rest.QuerySyntax.PathStep;
import com.fielddesk.localbackend.rest.QuerySyntax.Scope;
import com.fielddesk.localbackend.rest.QuerySyntax.SelectItem;
import com.fielddesk.localbackend.rest.QuerySyntax.Star;
import com.fielddesk.localbackend.rest.SchemaCache.ForeignKey;
import com.fielddesk.localbackend.rest.SchemaCache.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed query into SQL for one request: every table, column and relationship is
 * looked up in the schema cache first (unknown names are refused with PostgREST's errors),
 * identifiers are quoted, values bound.
 */
final class SqlRenderer {

    private final SchemaCache.Snapshot catalog;
    private final SchemaCache types;
    private int aliasCounter;

    SqlRenderer(SchemaCache.Snapshot catalog, SchemaCache types) {
        this.catalog = catalog;
        this.types = types;
    }

    String nextAlias() {
        return "_t" + (++aliasCounter);
    }

    // ---- select lists and embedding ----------------------------------------------------------

    /**
     * The select list of one level. {@code scopes} holds the embedded levels' filters keyed by
     * the embed's output name; {@code innerConditions} collects what {@code !inner} embeds add
     * to this level's WHERE.
     */
    Sql selectList(Relation relation, String alias, List<SelectItem> items, Map<String, Scope> scopes,
                   List<Sql> innerConditions) {
        Sql out = new Sql();
        boolean first = true;
        for (SelectItem item : items) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (item instanceof Star) {
                out.append(alias).append(".*");
            } else if (item instanceof Field field) {
                Sql expression = columnExpression(relation, alias, field.column());
                if (field.cast() != null) {
                    String type = types.resolveType(field.cast()).orElseThrow(() -> PostgrestError.of(400, "42704",
                            "type \"" + field.cast() + "\" does not exist", null, null));
                    expression = new Sql().append("(").append(expression).append(")::").append(type);
                }
                out.append(expression).append(" as ").identifier(field.outputName());
            } else if (item instanceof Embed embed) {
                out.append(embedExpression(relation, alias, embed, scopes, innerConditions)).append(" as ")
                        .identifier(embed.outputName());
            }
        }
        return out;
    }

    private Sql embedExpression(Relation parent, String parentAlias, Embed embed, Map<String, Scope> scopes,
                                List<Sql> innerConditions) {
        Relationship relationship = relationship(parent, embed);
        Relation target = relationship.target();
        String alias = nextAlias();
        Scope scope = scopes.getOrDefault(embed.outputName(), new Scope());
        Sql join = new Sql();
        for (int i = 0; i < relationship.targetColumns().size(); i++) {
            if (i > 0) {
                join.append(" and ");
            }
            join.append(alias).append(".").identifier(relationship.targetColumns().get(i)).append(" = ")
                    .append(parentAlias).append(".").identifier(relationship.parentColumns().get(i));
        }
        Sql where = new Sql().append(join);
        Sql filters = conditions(target, alias, scope.conditions);
        if (!filters.isEmpty()) {
            where.append(" and ").append(filters);
        }
        List<Sql> nestedInner = new ArrayList<>();
        Sql items = selectList(target, alias, embed.items(), Map.of(), nestedInner);
        for (Sql condition : nestedInner) {
            where.append(" and ").append(condition);
        }
        Sql from = new Sql().append(" from ").identifier(target.schema()).append(".").identifier(target.name())
                .append(" as ").append(alias).append(" where ").append(where);
        if (embed.inner()) {
            innerConditions.add(new Sql().append("exists (select 1").append(from).append(")"));
        }
        String row = "_e" + alias;
        Sql sql = new Sql();
        if (relationship.toOne()) {
            sql.append("(select row_to_json(").append(row).append(") from (select ").append(items).append(from)
                    .append(" limit 1) as ").append(row).append(")");
        } else {
            sql.append("coalesce((select json_agg(").append(row).append(") from (select ").append(items).append(from)
                    .append(orderBy(target, alias, scope.order)).append(paging(scope.limit, scope.offset))
                    .append(") as ").append(row).append("), '[]'::json)");
        }
        return sql;
    }

    /** A foreign-key path between two relations, read from the parent's side. */
    record Relationship(Relation target, List<String> parentColumns, List<String> targetColumns, boolean toOne) {
    }

    private Relationship relationship(Relation parent, Embed embed) {
        List<Relationship> candidates = new ArrayList<>();
        String name = embed.relation();
        String hint = embed.hint();
        for (ForeignKey fk : catalog.foreignKeys()) {
            // many-to-one: the parent holds the key
            if (fk.fromTable().equals(parent.name())
                    && (fk.toTable().equals(name) || fk.name().equals(name) || fk.fromColumns().equals(List.of(name)))
                    && matchesHint(fk, hint)) {
                catalog.relation(fk.toTable()).ifPresent(target ->
                        candidates.add(new Relationship(target, fk.fromColumns(), fk.toColumns(), true)));
            }
            // one-to-many (or one-to-one): the target holds the key
            if (fk.toTable().equals(parent.name()) && (fk.fromTable().equals(name) || fk.name().equals(name))
                    && matchesHint(fk, hint) && !(fk.fromTable().equals(parent.name()) && !fk.name().equals(name)
                    && !fk.fromTable().equals(name))) {
                catalog.relation(fk.fromTable()).ifPresent(target -> candidates.add(new Relationship(target,
                        fk.toColumns(), fk.fromColumns(), target.isUnique(fk.fromColumns()))));
            }
        }
        List<Relationship> distinct = candidates.stream().distinct().toList();
        if (distinct.isEmpty()) {
            throw PostgrestError.of(400, "PGRST200", "Could not find a relationship between '" + parent.name()
                    + "' and '" + name + "' in the schema cache", null,
                    "Perhaps you meant a table that has a foreign key to or from '" + parent.name() + "'.");
        }
        if (distinct.size() > 1) {
            throw PostgrestError.of(300, "PGRST201", "Could not embed because more than one relationship was found for '"
                    + parent.name() + "' and '" + name + "'", distinct.size() + " relationships match",
                    "Try changing '" + name + "' to one of the foreign key names, e.g. '" + name + "!<fk_name>'");
        }
        return distinct.get(0);
    }

    private static boolean matchesHint(ForeignKey fk, String hint) {
        return hint == null || fk.name().equals(hint) || fk.fromColumns().equals(List.of(hint))
                || fk.toColumns().equals(List.of(hint)) || fk.fromTable().equals(hint);
    }

    // ---- columns -----------------------------------------------------------------------------

    Sql columnExpression(Relation relation, String alias, ColumnPath column) {
        relation.column(column.column()).orElseThrow(() ->
                PostgrestError.unknownColumn(relation.name(), column.column()));
        Sql sql = new Sql().append(alias).append(".").identifier(column.column());
        for (PathStep step : column.path()) {
            sql.append(step.asText() ? "->>" : "->");
            if (step.key().matches("-?\\d{1,9}")) {
                sql.append("(").integer(Long.parseLong(step.key())).append(")::int");
            } else {
                sql.text(step.key());
            }
        }
        return sql;
    }

    String columnType(Relation relation, ColumnPath column) {
        if (!column.path().isEmpty()) {
            return column.path().get(column.path().size() - 1).asText() ? "text" : "jsonb";
        }
        return relation.column(column.column()).map(SchemaCache.Column::type).orElse("text");
    }

    // ---- where -------------------------------------------------------------------------------

    Sql conditions(Relation relation, String alias, List<Condition> conditions) {
        Sql sql = new Sql();
        for (Condition condition : conditions) {
            if (!sql.isEmpty()) {
                sql.append(" and ");
            }
            sql.append(condition(relation, alias, condition));
        }
        return sql;
    }

    private Sql condition(Relation relation, String alias, Condition condition) {
        if (condition instanceof Logic logic) {
            Sql sql = new Sql().append(logic.negated() ? "not (" : "(");
            boolean first = true;
            for (Condition child : logic.children()) {
                if (!first) {
                    sql.append(logic.conjunction() ? " and " : " or ");
                }
                first = false;
                sql.append(condition(relation, alias, child));
            }
            return sql.append(")");
        }
        Filter filter = (Filter) condition;
        Sql column = columnExpression(relation, alias, filter.column());
        Sql sql = new Sql().append(filter.negated() ? "not (" : "(");
        String value = filter.value();
        switch (filter.operator()) {
            case "eq" -> sql.append(column).append(" = ").value(value);
            case "neq" -> sql.append(column).append(" <> ").value(value);
            case "gt" -> sql.append(column).append(" > ").value(value);
            case "gte" -> sql.append(column).append(" >= ").value(value);
            case "lt" -> sql.append(column).append(" < ").value(value);
            case "lte" -> sql.append(column).append(" <= ").value(value);
            case "like" -> sql.append(column).append(" like ").value(value.replace('*', '%'));
            case "ilike" -> sql.append(column).append(" ilike ").value(value.replace('*', '%'));
            case "match" -> sql.append(column).append(" ~ ").value(value);
            case "imatch" -> sql.append(column).append(" ~* ").value(value);
            case "isdistinct" -> sql.append(column).append(" is distinct from ").value(value);
            case "cs" -> sql.append(column).append(" @> ").value(value);
            case "cd" -> sql.append(column).append(" <@ ").value(value);
            case "ov" -> sql.append(column).append(" && ").value(value.startsWith("(") && value.endsWith(")")
                    ? "{" + value.substring(1, value.length() - 1) + "}" : value);
            case "sl" -> sql.append(column).append(" << ").value(value);
            case "sr" -> sql.append(column).append(" >> ").value(value);
            case "nxr" -> sql.append(column).append(" &< ").value(value);
            case "nxl" -> sql.append(column).append(" &> ").value(value);
            case "adj" -> sql.append(column).append(" -|- ").value(value);
            case "is" -> sql.append(column).append(switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "null" -> " is null";
                case "not_null" -> " is not null";
                case "true" -> " is true";
                case "false" -> " is false";
                case "unknown" -> " is unknown";
                default -> throw PostgrestError.badQuery("\"failed to parse filter (is." + value + ")\"",
                        "unexpected \"" + value + "\" expecting null, not_null, true, false or unknown");
            });
            case "in" -> {
                List<String> items = QueryParser.list(value, "in." + value);
                if (items.isEmpty()) {
                    sql.append("false");
                } else {
                    sql.append(column).append(" in (");
                    for (int i = 0; i < items.size(); i++) {
                        if (i > 0) {
                            sql.append(", ");
                        }
                        sql.value(items.get(i));
                    }
                    sql.append(")");
                }
            }
            case "fts", "plfts", "phfts", "wfts" -> {
                String function = switch (filter.operator()) {
                    case "plfts" -> "plainto_tsquery";
                    case "phfts" -> "phraseto_tsquery";
                    case "wfts" -> "websearch_to_tsquery";
                    default -> "to_tsquery";
                };
                boolean isVector = "tsvector".equals(columnType(relation, filter.column()));
                Sql config = filter.modifier() == null ? null : new Sql().text(filter.modifier()).append("::regconfig");
                Sql document = isVector ? column : new Sql().append("to_tsvector(")
                        .append(config == null ? new Sql() : new Sql().append(config).append(", "))
                        .append(column).append(")");
                sql.append(document).append(" @@ ").append(function).append("(");
                if (config != null) {
                    sql.append(new Sql().text(filter.modifier()).append("::regconfig")).append(", ");
                }
                sql.text(value).append(")");
            }
            default -> throw PostgrestError.badQuery("\"unknown operator " + filter.operator() + "\"", null);
        }
        return sql.append(")");
    }

    // ---- order and paging --------------------------------------------------------------------

    Sql orderBy(Relation relation, String alias, List<OrderTerm> order) {
        Sql sql = new Sql();
        for (OrderTerm term : order) {
            sql.append(sql.isEmpty() ? " order by " : ", ");
            sql.append(columnExpression(relation, alias, term.column())).append(term.descending() ? " desc" : " asc");
            if (term.nullsFirst() != null) {
                sql.append(term.nullsFirst() ? " nulls first" : " nulls last");
            }
        }
        return sql;
    }

    static Sql paging(Long limit, Long offset) {
        Sql sql = new Sql();
        if (limit != null) {
            sql.append(" limit ").integer(limit);
        }
        if (offset != null && offset > 0) {
            sql.append(" offset ").integer(offset);
        }
        return sql;
    }
}
