package com.fielddesk.localbackend.rest;

import com.fielddesk.localbackend.http.ApiError;
import com.fielddesk.localbackend.rest.QuerySyntax.ColumnPath;
import com.fielddesk.localbackend.rest.QuerySyntax.Condition;
import com.fielddesk.localbackend.rest.QuerySyntax.Embed;
import com.fielddesk.localbackend.rest.QuerySyntax.Field;
import com.fielddesk.localbackend.rest.QuerySyntax.Filter;
import com.fielddesk.localbackend.rest.QuerySyntax.Logic;
import com.fielddesk.localbackend.rest.QuerySyntax.OrderTerm;
import com.fielddesk.localbackend.rest.QuerySyntax.PathStep;
import com.fielddesk.localbackend.rest.QuerySyntax.SelectItem;
import com.fielddesk.localbackend.rest.QuerySyntax.Star;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses PostgREST's query-string language. It only builds the syntax tree; names are checked
 * against the schema cache when the tree is turned into SQL.
 */
final class QueryParser {

    static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "match",
            "imatch", "is", "isdistinct", "in", "cs", "cd", "ov", "sl", "sr", "nxr", "nxl", "adj", "fts", "plfts",
            "phfts", "wfts");
    private static final Set<String> FTS = Set.of("fts", "plfts", "phfts", "wfts");
    /** Aliases become quoted identifiers; keep them to a plain, readable alphabet. */
    private static final Pattern ALIAS = Pattern.compile("[\\p{L}\\p{N}_$ -]{1,63}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ]{0,62}(\\(\\d{1,4}(,\\d{1,4})?\\))?(\\[\\])?");

    /** Embeds nest through recursive parsing and rendering; this keeps both far from the stack's end. */
    static final int MAX_EMBED_DEPTH = 32;

    private QueryParser() {
    }

    // ---- select ------------------------------------------------------------------------------

    static List<SelectItem> select(String text) {
        if (text == null || text.isBlank()) {
            return List.of(new Star());
        }
        List<SelectItem> items = new ArrayList<>();
        for (String part : split(stripSpaces(text), ',', "select")) {
            if (part.isEmpty()) {
                throw PostgrestError.badQuery("\"failed to parse select parameter (" + text + ")\"",
                        "unexpected \",\" expecting field name (* or [a..z0..9_$])");
            }
            items.add(selectItem(part, text, 1));
        }
        return items;
    }

    private static SelectItem selectItem(String part, String whole, int depth) {
        if (part.equals("*")) {
            return new Star();
        }
        int open = indexOutsideQuotes(part, '(');
        if (open >= 0) {
            if (depth > MAX_EMBED_DEPTH) {
                throw PostgrestError.badQuery("\"failed to parse select parameter (" + whole + ")\"",
                        "embedded resources may nest at most " + MAX_EMBED_DEPTH + " levels deep");
            }
            if (!part.endsWith(")")) {
                throw selectError(whole);
            }
            String head = part.substring(0, open);
            String inner = part.substring(open + 1, part.length() - 1);
            String alias = null;
            int colon = aliasColon(head);
            if (colon >= 0) {
                alias = checkAlias(head.substring(0, colon), whole);
                head = head.substring(colon + 1);
            }
            if (head.startsWith("...")) {
                throw PostgrestError.badQuery("Spread embedding is not supported by local-backend", part);
            }
            String[] bang = head.split("!", -1);
            String relation = unquote(bang[0]);
            String hint = null;
            boolean inner_ = false;
            for (int i = 1; i < bang.length; i++) {
                if (bang[i].equals("inner")) {
                    inner_ = true;
                } else if (bang[i].equals("left")) {
                    inner_ = false;
                } else if (hint == null && !bang[i].isEmpty()) {
                    hint = bang[i];
                } else {
                    throw selectError(whole);
                }
            }
            if (relation.isEmpty()) {
                throw selectError(whole);
            }
            List<SelectItem> children = inner.isEmpty() ? List.of(new Star()) : new ArrayList<>();
            if (!inner.isEmpty()) {
                for (String child : split(inner, ',', "select")) {
                    if (child.isEmpty()) {
                        throw selectError(whole);
                    }
                    children.add(selectItem(child, whole, depth + 1));
                }
            }
            return new Embed(relation, alias, hint, inner_, List.copyOf(children));
        }
        String alias = null;
        int colon = aliasColon(part);
        if (colon >= 0) {
            alias = checkAlias(part.substring(0, colon), whole);
            part = part.substring(colon + 1);
        }
        String cast = null;
        int castAt = part.indexOf("::");
        if (castAt >= 0) {
            cast = part.substring(castAt + 2);
            part = part.substring(0, castAt);
            if (!TYPE.matcher(cast).matches()) {
                throw selectError(whole);
            }
        }
        if (part.isEmpty()) {
            throw selectError(whole);
        }
        return new Field(columnPath(part, whole), alias, cast);
    }

    private static int aliasColon(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
                continue;
            }
            if (text.charAt(i) == ':') {
                boolean doubled = (i + 1 < text.length() && text.charAt(i + 1) == ':') || (i > 0 && text.charAt(i - 1) == ':');
                return doubled ? -1 : i;
            }
        }
        return -1;
    }

    private static String checkAlias(String alias, String whole) {
        String plain = unquote(alias);
        if (!ALIAS.matcher(plain).matches()) {
            throw selectError(whole);
        }
        return plain;
    }

    private static ApiError selectError(String whole) {
        return PostgrestError.badQuery("\"failed to parse select parameter (" + whole + ")\"", null);
    }

    // ---- columns -----------------------------------------------------------------------------

    static ColumnPath columnPath(String text, String context) {
        int arrow = text.indexOf("->");
        String column = unquote(arrow < 0 ? text : text.substring(0, arrow));
        if (column.isEmpty()) {
            throw PostgrestError.badQuery("\"failed to parse (" + context + ")\"", "missing column name");
        }
        List<PathStep> path = new ArrayList<>();
        int position = arrow;
        while (position >= 0 && position < text.length()) {
            boolean asText = text.startsWith("->>", position);
            int keyStart = position + (asText ? 3 : 2);
            int next = text.indexOf("->", keyStart);
            String key = unquote(next < 0 ? text.substring(keyStart) : text.substring(keyStart, next));
            if (key.isEmpty()) {
                throw PostgrestError.badQuery("\"failed to parse (" + context + ")\"", "empty JSON path key");
            }
            path.add(new PathStep(asText, key));
            position = next;
        }
        return new ColumnPath(column, List.copyOf(path));
    }

    // ---- filters -----------------------------------------------------------------------------

    /** {@code column=<expression>} from the query string. */
    static Filter filter(String column, String expression) {
        return filter(columnPath(column, column + "=" + expression), expression, column + "=" + expression, false);
    }

    private static Filter filter(ColumnPath column, String expression, String context, boolean inLogicTree) {
        boolean negated = false;
        String rest = expression;
        if (rest.startsWith("not.")) {
            negated = true;
            rest = rest.substring(4);
        }
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw filterError(context);
        }
        String operator = rest.substring(0, dot);
        String value = rest.substring(dot + 1);
        String modifier = null;
        int open = operator.indexOf('(');
        if (open >= 0) {
            if (!operator.endsWith(")")) {
                throw filterError(context);
            }
            modifier = operator.substring(open + 1, operator.length() - 1);
            operator = operator.substring(0, open);
            if (!FTS.contains(operator) || !modifier.matches("[a-z_]{1,63}")) {
                throw filterError(context);
            }
        }
        if (!OPERATORS.contains(operator)) {
            throw filterError(context);
        }
        if (inLogicTree && !operator.equals("in")) {
            value = unquote(value);
        }
        return new Filter(column, negated, operator, modifier, value);
    }

    private static ApiError filterError(String context) {
        return PostgrestError.badQuery("\"failed to parse filter (" + context + ")\"",
                "unexpected operator or value; expecting one of " + String.join(", ", OPERATORS.stream().sorted().toList()));
    }

    /** {@code or=(a.eq.1,b.gt.2)}, {@code and=(...)}, with {@code not.} and nesting. */
    static Logic logic(String key, String value) {
        boolean negated = key.startsWith("not.");
        String kind = negated ? key.substring(4) : key;
        return logicGroup(kind.equals("and"), negated, value, key + "=" + value, 1);
    }

    private static Logic logicGroup(boolean conjunction, boolean negated, String parenthesised, String context,
                                    int depth) {
        if (depth > Logic.MAX_DEPTH) {
            // Checked before descending: the limit must hold while parsing, not only once the tree exists.
            throw PostgrestError.badQuery("\"failed to parse logic tree (" + context + ")\"",
                    "logic trees may nest at most " + Logic.MAX_DEPTH + " and()/or() groups deep");
        }
        if (!parenthesised.startsWith("(") || !parenthesised.endsWith(")") || parenthesised.length() < 3) {
            throw PostgrestError.badQuery("\"failed to parse logic tree (" + context + ")\"",
                    "expecting a parenthesised, comma separated list of conditions");
        }
        List<Condition> children = new ArrayList<>();
        for (String item : split(parenthesised.substring(1, parenthesised.length() - 1), ',', "logic tree")) {
            children.add(logicItem(item, context, depth));
        }
        return new Logic(conjunction, negated, List.copyOf(children));
    }

    private static Condition logicItem(String item, String context, int depth) {
        boolean negated = false;
        String rest = item;
        if (rest.startsWith("not.")) {
            negated = true;
            rest = rest.substring(4);
        }
        if (rest.startsWith("and(") || rest.startsWith("or(")) {
            boolean conjunction = rest.startsWith("and(");
            return logicGroup(conjunction, negated, rest.substring(conjunction ? 3 : 2), context, depth + 1);
        }
        int dot = indexOutsideQuotes(item, '.');
        if (dot <= 0) {
            throw PostgrestError.badQuery("\"failed to parse logic tree (" + context + ")\"", "bad condition " + item);
        }
        return filter(columnPath(item.substring(0, dot), context), item.substring(dot + 1), context, true);
    }

    /** The items of an {@code in.(a,b,"c,d")} list. */
    static List<String> list(String value, String context) {
        if (!value.startsWith("(") || !value.endsWith(")")) {
            throw PostgrestError.badQuery("\"failed to parse filter (" + context + ")\"", "expecting a list (a,b,...)");
        }
        String inner = value.substring(1, value.length() - 1);
        if (inner.isEmpty()) {
            return List.of();
        }
        return split(inner, ',', "list").stream().map(QueryParser::unquote).toList();
    }

    // ---- order and paging --------------------------------------------------------------------

    static List<OrderTerm> order(String text) {
        List<OrderTerm> terms = new ArrayList<>();
        for (String part : split(stripSpaces(text), ',', "order")) {
            String[] pieces = part.split("\\.", -1);
            if (pieces[0].isEmpty() || pieces.length > 3) {
                throw orderError(text);
            }
            boolean descending = false;
            Boolean nullsFirst = null;
            for (int i = 1; i < pieces.length; i++) {
                switch (pieces[i]) {
                    case "asc" -> descending = false;
                    case "desc" -> descending = true;
                    case "nullsfirst" -> nullsFirst = true;
                    case "nullslast" -> nullsFirst = false;
                    default -> throw orderError(text);
                }
            }
            terms.add(new OrderTerm(columnPath(pieces[0], "order=" + text), descending, nullsFirst));
        }
        return terms;
    }

    private static ApiError orderError(String text) {
        return PostgrestError.badQuery("\"failed to parse order (" + text + ")\"",
                "unexpected order term; expecting column[.asc|.desc][.nullsfirst|.nullslast]");
    }

    static long nonNegative(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw PostgrestError.badQuery("\"failed to parse " + name + " parameter (" + value + ")\"",
                    "expecting a non-negative integer");
        }
    }

    // ---- lexical helpers ---------------------------------------------------------------------

    /** Splits at separators outside double quotes and parentheses; refuses unbalanced text. */
    static List<String> split(String text, char separator, String what) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw unbalanced(what, text);
                }
            } else if (c == separator && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quoted || depth != 0) {
            throw unbalanced(what, text);
        }
        parts.add(current.toString());
        return parts;
    }

    private static ApiError unbalanced(String what, String text) {
        return PostgrestError.badQuery("\"failed to parse " + what + " (" + text + ")\"",
                "unbalanced parentheses or quotes");
    }

    /** Removes one level of double quotes, honouring backslash escapes. */
    static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < text.length() - 1; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() - 1) {
                    out.append(text.charAt(++i));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        return text;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Whitespace outside quotes carries no meaning in select and order (supabase-js strips it too). */
    static String stripSpaces(String text) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
