package org.kurultai.platform.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** The catalogue queries of backups and restores, on the connection's current schema. */
final class Sql {

	private final Connection connection;

	Sql(Connection connection) {
		this.connection = connection;
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static String list(List<String> identifiers) {
		return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
	}

	void execute(String sql) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Nullable String string(String sql, Object... parameters) throws SQLException {
		var rows = strings(sql, parameters);
		return rows.isEmpty() ? null : rows.get(0);
	}

	List<String> strings(String sql, Object... parameters) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			var result = new ArrayList<String>();
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					result.add(rows.getString(1));
				}
			}
			return result;
		}
	}

	/** The latest successful versioned migration, or null without a history table. */
	@Nullable String schemaVersion(String historyTable) throws SQLException {
		if (string("select to_regclass(?)::text", quote(historyTable)) == null) {
			return null;
		}
		return string("select version from " + quote(historyTable) + " where success and version is not null order by installed_rank desc limit 1");
	}

	/** The schema's tables (not partitions), by name. */
	List<String> tables() throws SQLException {
		return strings("select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p') "
				+ "and not relispartition order by relname");
	}

	/** A table's columns that can be written, in order (not dropped, not generated). */
	List<String> columns(String table) throws SQLException {
		return strings("select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped "
				+ "and attgenerated = '' order by attnum", quote(table));
	}

	/** Every sequence of the schema with its state. */
	List<Manifest.Sequence> sequences() throws SQLException {
		var result = new ArrayList<Manifest.Sequence>();
		for (var name : strings("select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'S' "
				+ "order by relname")) {
			try (var statement = connection.createStatement();
					var rows = statement.executeQuery("select last_value, is_called from " + quote(name))) {
				rows.next();
				result.add(new Manifest.Sequence(name, rows.getLong(1), rows.getBoolean(2)));
			}
		}
		return List.copyOf(result);
	}

	/** For each table, the tables its foreign keys refer to (itself left out). */
	Map<String, List<String>> references() throws SQLException {
		var result = new LinkedHashMap<String, List<String>>();
		try (var statement = connection.prepareStatement("select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c "
				+ "join pg_class t on t.oid = c.conrelid where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace "
				+ "and c.conrelid <> c.confrelid"); var rows = statement.executeQuery()) {
			while (rows.next()) {
				result.computeIfAbsent(unquote(rows.getString(1)), key -> new ArrayList<>()).add(unquote(rows.getString(2)));
			}
		}
		return result;
	}

	private static String unquote(String regclass) {
		return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
	}
}
