package org.kurultai.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.kurultai.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A decision's outcome note, as the rule wrote it when the decision closed (English, with
 * participant codes: "Objection by KAZ. Present: AZE, KAZ."), said again for people in the page's
 * language with the States' names. A note of another shape is shown as written, codes and all.
 */
@Component
class OutcomeNotes {

	/** How the rules word an outcome (see {@link DecisionRule}). */
	private static final Pattern OBJECTION = Pattern.compile("Objection by ([A-Z, ]+)\\.");

	private static final Pattern CONCERNED = Pattern.compile(" ?The objection of ([A-Z]+), the State concerned, does not block\\.");

	private static final Pattern TALLY = Pattern.compile("For (\\d+), against (\\d+), abstaining (\\d+)\\.");

	private static final Pattern PRESENT = Pattern.compile(" ?Present: ([A-Z, ]*)\\.?$");

	private static final String NO_OBJECTION = "No member State objected.";

	private static final String NO_OBJECTION_BUT_CONCERNED = "No member State other than the State concerned objected.";

	private final Registry registry;

	private final MessageSource messages;

	OutcomeNotes(Registry registry, MessageSource messages) {
		this.registry = registry;
		this.messages = messages;
	}

	/**
	 * The outcome as the rule recorded it ("Objection by KAZ. Present: AZE, KAZ."), in the page's
	 * language with the States' names: "Возражение: Казахстан. Присутствовали: Азербайджан, Казахстан."
	 */
	public String inLanguage(String note, Locale locale) {
		var names = org.kurultai.registry.NameLookup.inRequestLanguage(registry.roster());
		var out = new StringBuilder();
		var rest = note;
		var present = PRESENT.matcher(rest);
		String presentList = null;
		if (present.find()) {
			presentList = present.group(1);
			rest = rest.substring(0, present.start());
		}
		var concerned = CONCERNED.matcher(rest);
		String concernedCode = null;
		if (concerned.find()) {
			concernedCode = concerned.group(1);
			rest = (rest.substring(0, concerned.start()) + rest.substring(concerned.end())).strip();
		}
		var objection = OBJECTION.matcher(rest);
		var tally = TALLY.matcher(rest);
		if (rest.strip().equals(NO_OBJECTION)) {
			out.append(messages.getMessage("decisions.outcome.noObjection", null, locale));
		}
		else if (rest.strip().equals(NO_OBJECTION_BUT_CONCERNED)) {
			out.append(messages.getMessage("decisions.outcome.noObjectionButConcerned", null, locale));
		}
		else if (objection.matches()) {
			out.append(messages.getMessage("decisions.outcome.objection", new Object[] { names.all(codes(objection.group(1))) }, locale));
		}
		else if (tally.matches()) {
			out.append(messages.getMessage("decisions.outcome.tally", new Object[] { tally.group(1), tally.group(2), tally.group(3) }, locale));
		}
		else {
			out.append(rest.strip());
		}
		if (concernedCode != null) {
			out.append(' ').append(messages.getMessage("decisions.outcome.concernedDoesNotBlock", new Object[] { names.of(concernedCode) }, locale));
		}
		if (presentList != null) {
			out.append(' ').append(messages.getMessage("decisions.outcome.present", new Object[] { names.all(codes(presentList)) }, locale));
		}
		return out.toString();
	}

	private static List<String> codes(String list) {
		var codes = new ArrayList<String>();
		for (var code : list.split("[,;\\s]+")) {
			if (!code.isBlank()) {
				codes.add(code.trim());
			}
		}
		return codes;
	}
}
