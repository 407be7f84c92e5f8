package jp.mynahealth.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.mynahealth.support.StatementRecordingDriver.Executed;

/**
 * Whether a statement reads one person's rows only, as PostgreSQL plans it: each scan of a table
 * with a {@code person_id} column (the tables a sharded store distributes by it) must have
 * {@code person_id = <that person>} among the top-level conjuncts of its index condition, recheck
 * condition or filter. A join on person_id with a table so restricted passes, because the planner's
 * equivalence classes put the same condition on the other table's scan; a join on anything else
 * leaves that scan unrestricted, which is what a distributed store would have to answer from every
 * shard.
 */
final class OnePersonPlanCheck {

    /** One statement as checked: the person-keyed tables its scans read, and what was wrong. */
    record Checked(Executed statement, Set<String> personTables, List<String> violations) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DML = Pattern.compile("^\\s*\\(*\\s*(select|with|insert|update|delete)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> CONDITIONS = List.of("Index Cond", "Recheck Cond", "Filter", "TID Cond");

    private final DataSource owner;
    private final Set<String> personTables;

    /** {@code owner} sees every table (information_schema shows a login only what it may use) and may EXPLAIN every statement. */
    OnePersonPlanCheck(DataSource owner) throws SQLException {
        this.owner = owner;
        Set<String> tables = new LinkedHashSet<>();
        try (Connection connection = owner.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select table_schema || '.' || table_name from information_schema.columns
                where column_name = 'person_id' and table_schema in ('records', 'portal')
                order by 1
                """); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        this.personTables = Set.copyOf(tables);
    }

    /** The tables (partitions included) with a person_id column in the records and portal schemas. */
    Set<String> personTables() {
        return personTables;
    }

    static boolean isDml(String sql) {
        return DML.matcher(sql).find();
    }

    /** EXPLAINs the statement with the values it was executed with and walks the plan. */
    Checked check(Executed statement, UUID person) throws SQLException {
        JsonNode plan;
        try (Connection connection = owner.getConnection();
                PreparedStatement explain = connection.prepareStatement("explain (format json, verbose) " + statement.sql())) {
            for (var parameter : statement.parameters()) {
                parameter.applyTo(explain);
            }
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                plan = JSON.readTree(row.getString(1)).get(0).get("Plan");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Set<String> read = new LinkedHashSet<>();
        List<String> violations = new ArrayList<>();
        walk(plan, person, read, violations);
        return new Checked(statement, Set.copyOf(read), List.copyOf(violations));
    }

    private void walk(JsonNode node, UUID person, Set<String> read, List<String> violations) {
        if (node.has("Relation Name") && !"ModifyTable".equals(node.path("Node Type").asText())) {
            String table = node.path("Schema").asText() + "." + node.path("Relation Name").asText();
            if (personTables.contains(table)) {
                read.add(table);
                if (!restrictedTo(node, person)) {
                    violations.add("%s of %s (as %s) is not restricted to person_id = '%s':%n%s".formatted(
                            node.path("Node Type").asText(), table, node.path("Alias").asText(), person, withoutChildren(node)));
                }
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, person, read, violations);
        }
    }

    static boolean restrictedTo(JsonNode scan, UUID person) {
        String value = "'" + person.toString().toLowerCase(Locale.ROOT) + "'::uuid";
        Pattern column = Pattern.compile("(?:\\w+\\.)?person_id = " + Pattern.quote(value) + "|"
                + Pattern.quote(value) + " = (?:\\w+\\.)?person_id");
        for (String key : CONDITIONS) {
            if (scan.has(key) && conjuncts(scan.get(key).asText()).stream().anyMatch(c -> column.matcher(c).matches())) {
                return true;
            }
        }
        return false;
    }

    /** The top-level AND terms of a condition as EXPLAIN prints it, each without its outer parentheses. */
    static List<String> conjuncts(String condition) {
        String whole = unwrap(condition.strip());
        List<String> terms = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && whole.startsWith(" AND ", i)) {
                terms.add(unwrap(whole.substring(start, i).strip()));
                start = i + " AND ".length();
                i = start - 1;
            }
        }
        terms.add(unwrap(whole.substring(start).strip()));
        return terms;
    }

    /** Removes parentheses around the whole text, not those of "(a) AND (b)". */
    private static String unwrap(String text) {
        String inner = text;
        while (inner.startsWith("(") && closes(inner) == inner.length() - 1) {
            inner = inner.substring(1, inner.length() - 1).strip();
        }
        return inner;
    }

    /** Where the parenthesis opening the text closes. */
    private static int closes(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutChildren(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("Plans");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
