package org.kurultai.shared;

/**
 * Text for the CSV files people open in spreadsheets (RFC 4180), one rule for every export: the open data, a meeting's
 * list of participants, the Fund's annual report.
 */
public final class CsvText {

	private CsvText() {
	}

	/**
	 * Whether a spreadsheet would take this text for a formula and run it (it starts with =, +, -, @, a tab or a carriage
	 * return: OWASP, CSV injection).
	 */
	public static boolean formulaLike(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
	}

	/** A text cell as written: after an apostrophe (spreadsheets read it as "text follows") when it is formula-like. */
	public static String safe(String text) {
		return formulaLike(text) ? "'" + text : text;
	}

	/** A field as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
	public static String field(String value) {
		return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	/** One record: its fields as {@link #field} writes them, separated by commas, CRLF at the end. */
	public static void row(StringBuilder csv, String... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields[i]));
		}
		csv.append("\r\n");
	}
}
