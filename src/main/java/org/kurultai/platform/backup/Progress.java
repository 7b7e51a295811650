package org.kurultai.platform.backup;

/** Told after each table is written or loaded. */
@FunctionalInterface
public interface Progress {

	Progress NONE = (done, total, table, rows) -> {
	};

	/** Prints one line per table on standard output: {@code [12/80] meeting: 34 rows}. */
	Progress CONSOLE = (done, total, table, rows) -> System.out.printf("[%d/%d] %s: %,d rows%n", done, total, table, rows);

	void table(int done, int total, String table, long rows);
}
