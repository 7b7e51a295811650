package org.kurultai.shared;

/** Text as XML 1.0 may carry it, for every writer of XML (Akoma Ntoso exports, Atom feeds). */
public final class XmlText {

	private XmlText() {
	}

	/**
	 * A character XML 1.0 forbids (a control character, U+FFFE, U+FFFF, a lone surrogate), which a record's text may
	 * hold, becomes U+FFFD: one such text cannot make the whole document unwritable.
	 */
	public static String legal(String text) {
		var out = new StringBuilder(text.length());
		text.codePoints().forEach(point -> out.appendCodePoint(point == '\t' || point == '\n' || point == '\r'
				|| (point >= 0x20 && point <= 0xD7FF) || (point >= 0xE000 && point <= 0xFFFD) || point >= 0x10000 ? point : 0xFFFD));
		return out.toString();
	}
}
