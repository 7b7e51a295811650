package org.kurultai.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Organs;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drafting pages: the list of documents the viewer may see, a document's text with its brackets
 * and alternatives in one of its languages or in all side by side, its versions and amendments, the
 * comparison of two versions, and the forms through which delegations table and amend texts in each
 * language of the document and the chair revises. A form the domain refuses comes back on its page
 * with the message beside the field and what was typed ({@link FormProblems}).
 */
@Controller
public class DocumentPages {

	/** The view that shows every language of the document side by side. */
	static final String BOTH = "both";

	private static final Pattern PARAGRAPH_FIELD = Pattern.compile("p\\[(\\d{1,3})]\\.(label|text\\.([a-z]{2,3})|alt\\[(\\d{1,2})]\\.text\\.([a-z]{2,3}))");

	private static final int MOST_PARAGRAPHS = 300;

	private static final int MOST_ALTERNATIVES = 20;

	private static final Set<String> TABLING_FIELDS = Set.of("type", "title", "body", "access", "named", "originalLanguage");

	private static final Set<String> AMENDMENT_FIELDS = Set.of("kind", "paragraph", "alternative", "text", "cosponsors", "explanation");

	private final Drafting drafting;
	private final AccessPolicy access;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final DraftingProperties properties;
	private final org.kurultai.meetings.Meetings meetings;
	private final FormProblems forms;

	DocumentPages(Drafting drafting, AccessPolicy access, Registry registry, Organs organs, ForumClock clock, DraftingProperties properties,
			org.kurultai.meetings.Meetings meetings, FormProblems forms) {
		this.meetings = meetings;
		this.drafting = drafting;
		this.access = access;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.properties = properties;
		this.forms = forms;
	}

	@GetMapping("/documents")
	String documents(@RequestParam @Nullable String type, @RequestParam @Nullable String status, Model model,
			@AuthenticationPrincipal @Nullable KurultaiUser user) {
		var all = drafting.documents(access.currentViewer());
		var shown = all.stream()
				.filter(d -> type == null || type.isBlank() || d.type().name().equalsIgnoreCase(type))
				.filter(d -> status == null || status.isBlank() || d.status().name().equalsIgnoreCase(status))
				.toList();
		var reversed = new ArrayList<>(shown);
		java.util.Collections.reverse(reversed);
		model.addAttribute("documents", reversed);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("statuses", DocumentStatus.values());
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("mayTable", user != null && (user.account().role().isSecretariat()
				|| org.kurultai.identity.Capacity.MEMBER_DELEGATION == access.viewer(user.account(), clock.today()).mandate().capacity()));
		// the bodies read once for the page, not once per document
		var everyBody = organs.bodies();
		var bodies = everyBody.stream().filter(body -> body.existsOn(clock.today())).toList();
		model.addAttribute("bodies", bodies);
		var bodyNames = new LinkedHashMap<String, String>();
		bodies.forEach(body -> bodyNames.put(body.code(), body.nameOn(clock.today()).name()));
		model.addAttribute("bodyNames", bodyNames);
		// each document's body by the name it bore on the document's date
		var byCode = everyBody.stream().collect(java.util.stream.Collectors.toMap(org.kurultai.organs.Body::code, body -> body));
		var documentBodies = new LinkedHashMap<String, String>();
		reversed.forEach(d -> documentBodies.put(d.id(), byCode.get(d.body()).nameOn(d.date(clock.zone())).name()));
		model.addAttribute("documentBodies", documentBodies);
		model.addAttribute("levels", AccessLevel.values());
		model.addAttribute("languages", properties.languages());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", TablingForm.empty(properties.languages().get(0)));
		}
		common(model);
		return "documents";
	}

	@GetMapping({ "/documents/{id}", "/documents/{id}/versions/{number}" })
	String document(@PathVariable String id, @PathVariable @Nullable Integer number, @RequestParam @Nullable String language,
			Model model, @AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale) {
		var viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		var asked = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
		String lang;
		if (document.languages().contains(asked)) {
			lang = asked;
		}
		else if (BOTH.equals(asked) && document.languages().size() > 1) {
			lang = BOTH;
		}
		else {
			lang = document.languages().contains(locale.getLanguage()) ? locale.getLanguage() : document.originalLanguage();
		}
		model.addAttribute("document", document);
		// the meeting only where the viewer may know it: a closed meeting does not show through a public text
		model.addAttribute("meeting", document.meeting() == null ? null
				: meetings.meeting(document.meeting(), access.seenBy(viewer)).orElse(null));
		model.addAttribute("language", lang);
		model.addAttribute("shownLanguages", BOTH.equals(lang) ? document.languages() : List.of(lang));
		model.addAttribute("bodyName", organs.body(document.body()).nameOn(document.date(clock.zone())).name());
		if (document.hasText()) {
			var versions = drafting.versions(id, viewer);
			var shown = number == null ? versions.get(versions.size() - 1) : drafting.version(id, number, viewer);
			boolean current = shown.number() == document.latestVersion();
			model.addAttribute("versions", versions);
			model.addAttribute("version", shown);
			model.addAttribute("current", current);
			// the exports: in each language the adopted text is held in, never another language's text under its name
			var latest = versions.get(versions.size() - 1);
			model.addAttribute("exportLanguages", document.languages().stream().filter(latest::heldIn).toList());
			var amendments = drafting.amendments(id, viewer);
			model.addAttribute("amendments", amendments);
			var answerable = new LinkedHashMap<Long, List<String>>();
			amendments.forEach(a -> answerable.put(a.id(), drafting.answerable(a, user == null ? null : user.account())));
			model.addAttribute("answerable", answerable);
			// the buttons each ask the policy the act applies
			var account = user == null ? null : user.account();
			var withdrawable = new LinkedHashMap<Long, Boolean>();
			amendments.forEach(a -> withdrawable.put(a.id(), drafting.mayWithdraw(document, a, account)));
			model.addAttribute("withdrawable", withdrawable);
			var positions = drafting.positions(id, viewer);
			var ownStances = new LinkedHashMap<String, AlternativePosition.Stance>();
			positions.stream().filter(position -> account != null && position.participant().equals(account.participant()))
					.filter(position -> drafting.mayWithdraw(document, position, account))
					.forEach(position -> ownStances.put(key(position.paragraph(), position.alternative()), position.stance()));
			model.addAttribute("ownStances", ownStances);
			model.addAttribute("open", amendments.stream()
					.filter(a -> a.status() == Amendment.Status.PROPOSED && a.againstVersion() == shown.number()).toList());
			model.addAttribute("positions", positions(positions));
			var permissions = current ? drafting.permissions(document, user == null ? null : user.account()) : Drafting.Permissions.NONE;
			model.addAttribute("permissions", permissions);
			model.addAttribute("kinds", AmendmentKind.values());
			model.addAttribute("statuses", ParagraphStatus.values());
			model.addAttribute("zones", zones());
		}
		else {
			model.addAttribute("permissions", Drafting.Permissions.NONE);
			model.addAttribute("exportLanguages", List.of());
		}
		common(model);
		return "document";
	}

	/** The document page as its GET shows it: for a form of another module refused on this page (putting the text for decision). */
	public String show(String id, @Nullable String language, Model model, @Nullable KurultaiUser user, Locale locale) {
		return document(id, null, language, model, user, locale);
	}

	@GetMapping("/documents/{id}/compare")
	String compare(@PathVariable String id, @RequestParam int from, @RequestParam int to, @RequestParam @Nullable String language,
			Model model) {
		var viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		var comparison = drafting.compare(id, from, to, language, viewer);
		model.addAttribute("document", document);
		model.addAttribute("comparison", comparison);
		var counts = new LinkedHashMap<String, Long>();
		for (var change : Comparison.Change.values()) {
			counts.put(change.name(), comparison.count(change));
		}
		model.addAttribute("counts", counts);
		model.addAttribute("versions", drafting.versions(id, viewer));
		common(model);
		return "compare";
	}

	/**
	 * Tabling a draft: title, type, body, who may see it, the original language, and the paragraphs,
	 * each (and each of its alternatives) with a text in every language of the document. "Add a
	 * paragraph" and "Add an alternative" show the form again with one more place, keeping what was typed.
	 */
	@PostMapping("/documents")
	String table(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, Locale locale) {
		var typed = TablingForm.of(form.toSingleValueMap(), properties.languages());
		var add = form.getFirst("add");
		if (add != null && !add.isBlank()) {
			model.addAttribute(FormProblems.ATTRIBUTE, FormProblem.asTyped("table-draft", form));
			model.addAttribute("draft", typed.adding(add));
			return documents(null, null, model, user);
		}
		try {
			var type = choice(DocumentType.class, form.getFirst("type"), "type");
			var level = choice(AccessLevel.class, form.getFirst("access"), "access");
			var title = form.getFirst("title");
			if (title == null || title.isBlank()) {
				throw new FormProblem.Refusal("title", "drafting.form.title-missing");
			}
			var original = typed.originalLanguage();
			if (!properties.languages().contains(original)) {
				throw new FormProblem.Refusal("originalLanguage", "drafting.form.unknown-language", original);
			}
			var paragraphs = typed.paragraphs(original);
			var named = form.getFirst("named");
			var codes = named == null || named.isBlank() ? Set.<String>of() : Set.copyOf(codes(named, "named"));
			var document = drafting.table(user.account(), new Drafting.NewDocument(type, title, String.valueOf(form.getFirst("body")),
					new Access(level, codes), properties.languages(), original, paragraphs));
			return "redirect:/documents/" + document.id();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "table-draft", typed.fields(), form, model, response);
			model.addAttribute("draft", typed);
			return documents(null, null, model, user);
		}
	}

	@PostMapping("/documents/{id}/amendments")
	String propose(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		var document = drafting.document(id, access.viewer(user.account(), clock.today()));
		try {
			var texts = new TreeMap<String, String>();
			for (var language : document.languages()) {
				var text = form.getFirst("text." + language);
				if (text != null && !text.isBlank()) {
					texts.put(language, text.strip());
				}
			}
			var against = form.getFirst("againstVersion");
			int againstVersion;
			try {
				againstVersion = Integer.parseInt(String.valueOf(against).trim());
			}
			catch (NumberFormatException notANumber) {
				throw new FormProblem.Refusal("againstVersion", "drafting.form.unknown-version", String.valueOf(against));
			}
			var cosponsors = form.getFirst("cosponsors");
			var kind = choice(AmendmentKind.class, form.getFirst("kind"), "kind");
			var paragraph = String.valueOf(form.getFirst("paragraph"));
			String alternative = null;
			if (kind == AmendmentKind.CHOOSE_ALTERNATIVE) {
				// the alternative is picked among those of the version's paragraphs ("1|Alt 2"): the pick names its paragraph
				var picked = form.getFirst("alternative");
				if (picked != null && picked.contains("|")) {
					paragraph = picked.substring(0, picked.indexOf('|'));
					alternative = picked.substring(picked.indexOf('|') + 1);
				}
				else {
					alternative = picked;
				}
			}
			drafting.propose(user.account(), id, new Drafting.NewAmendment(againstVersion, kind, paragraph, alternative, texts,
					cosponsors == null || cosponsors.isBlank() ? List.of() : codes(cosponsors, "cosponsors"), form.getFirst("explanation")));
			return "redirect:/documents/" + document.id() + "#amendments";
		}
		catch (RuntimeException refused) {
			var fields = new java.util.HashSet<>(AMENDMENT_FIELDS);
			forms.refused(refused, "propose-amendment", fields, form, model, response);
			return document(id, null, form.getFirst("view"), model, user, locale);
		}
	}

	@PostMapping("/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/acceptance")
	String accept(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@PathVariable String participant, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			Locale locale) {
		return answer(user, id, amendment, participant, true, form, model, response, locale);
	}

	@PostMapping("/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/refusal")
	String decline(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@PathVariable String participant, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			Locale locale) {
		return answer(user, id, amendment, participant, false, form, model, response, locale);
	}

	private String answer(KurultaiUser user, String id, long amendment, String participant, boolean accept, MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			var answered = drafting.answer(user.account(), id, amendment, participant, accept);
			return "redirect:/documents/" + answered.document() + "#amendments";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "cosponsorship-" + amendment, Set.of(), form, model, response);
			return document(id, null, null, model, user, locale);
		}
	}

	@PostMapping("/documents/{id}/amendments/{amendment}/withdrawal")
	String withdraw(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response, Locale locale) {
		try {
			var withdrawn = drafting.withdraw(user.account(), id, amendment);
			return "redirect:/documents/" + withdrawn.document() + "#amendments";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "withdraw-" + amendment, Set.of(), form, model, response);
			return document(id, null, form.getFirst("view"), model, user, locale);
		}
	}

	@PostMapping("/documents/{id}/positions/withdrawal")
	String withdrawPosition(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response, Locale locale) {
		var paragraph = String.valueOf(form.getFirst("paragraph"));
		var alternative = String.valueOf(form.getFirst("alternative"));
		try {
			var document = drafting.document(id, access.viewer(user.account(), clock.today()));
			drafting.withdrawPosition(user.account(), id, paragraph, alternative);
			return "redirect:/documents/" + document.id() + "#p-" + paragraph;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "position-" + key(paragraph, alternative), Set.of(), form, model, response);
			return document(id, null, form.getFirst("view"), model, user, locale);
		}
	}

	@PostMapping("/documents/{id}/positions")
	String state(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		var paragraph = String.valueOf(form.getFirst("paragraph"));
		var alternative = String.valueOf(form.getFirst("alternative"));
		try {
			drafting.state(user.account(), id, paragraph, alternative,
					choice(AlternativePosition.Stance.class, form.getFirst("stance"), "stance"));
			return "redirect:/documents/" + id.toUpperCase(Locale.ROOT) + "#p-" + paragraph;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "position-" + key(paragraph, alternative), Set.of(),
					form, model, response);
			return document(id, null, form.getFirst("view"), model, user, locale);
		}
	}

	@PostMapping("/documents/{id}/revisions")
	String revise(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			var marks = new LinkedHashMap<String, ParagraphStatus>();
			for (var entry : form.toSingleValueMap().entrySet()) {
				if (entry.getKey().startsWith("mark.") && !entry.getValue().isBlank()) {
					marks.put(entry.getKey().substring(5), choice(ParagraphStatus.class, entry.getValue(), entry.getKey()));
				}
			}
			var takeIn = new ArrayList<Long>();
			for (var value : form.getOrDefault("takeIn", List.of())) {
				try {
					takeIn.add(Long.parseLong(value.trim()));
				}
				catch (NumberFormatException notANumber) {
					throw new FormProblem.Refusal("takeIn", "drafting.form.unknown-amendment", value);
				}
			}
			int basedOn;
			try {
				basedOn = Integer.parseInt(String.valueOf(form.getFirst("basedOn")).trim());
			}
			catch (NumberFormatException notANumber) {
				throw new FormProblem.Refusal("basedOn", "drafting.form.unknown-version", String.valueOf(form.getFirst("basedOn")));
			}
			var version = drafting.revise(user.account(), id, basedOn, takeIn, marks);
			return "redirect:/documents/" + version.document();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "revise-form", Set.of("takeIn"), form, model, response);
			return document(id, null, form.getFirst("view"), model, user, locale);
		}
	}

	/** A value of an enumeration named in a form; anything else is refused on that field. */
	private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String field) {
		try {
			return Enum.valueOf(type, String.valueOf(value).trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new FormProblem.Refusal(field, "drafting.form.unknown-choice", String.valueOf(value));
		}
	}

	private List<String> codes(String list, String field) {
		var codes = new ArrayList<String>();
		for (var code : list.split("[,;\\s]+")) {
			if (!code.isBlank()) {
				var normalized = code.trim().toUpperCase(Locale.ROOT);
				if (!normalized.matches("[A-Z]{2,10}") || !registry.isRegistered(ParticipantCode.of(normalized))) {
					throw new FormProblem.Refusal(field, "drafting.form.unknown-participant", code);
				}
				codes.add(normalized);
			}
		}
		return codes;
	}

	/** Positions by paragraph and alternative: "4|Alt 2" → supporters and opponents. */
	private static Map<String, Stances> positions(List<AlternativePosition> positions) {
		var byAlternative = new LinkedHashMap<String, Stances>();
		for (var position : positions) {
			var key = key(position.paragraph(), position.alternative());
			var stances = byAlternative.computeIfAbsent(key, k -> new Stances(new ArrayList<>(), new ArrayList<>()));
			(position.stance() == AlternativePosition.Stance.SUPPORTS ? stances.supporters() : stances.opponents()).add(position.participant());
		}
		return byAlternative;
	}

	/** An alternative of a paragraph as the page keys it: "4|alt 2". */
	static String key(String paragraph, String alternative) {
		return paragraph.toLowerCase(Locale.ROOT) + "|" + alternative.toLowerCase(Locale.ROOT);
	}

	record Stances(List<String> supporters, List<String> opponents) {
	}

	private List<String> zones() {
		var zones = new ArrayList<String>();
		zones.add(clock.zone().getId());
		java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("Asia/") || z.startsWith("Europe/") || z.equals("UTC"))
				.sorted().filter(z -> !z.equals(clock.zone().getId())).forEach(zones::add);
		return zones;
	}

	private void common(Model model) {
		model.addAttribute("names", org.kurultai.registry.NameLookup.inRequestLanguage(registry.roster()));
		model.addAttribute("forumZone", clock.zone().getId());
		model.addAttribute("zone", clock.zone());
		FormProblems.none(model);
	}

	/**
	 * The tabling form as typed: its paragraphs, each with a label (empty: numbered in order), a text
	 * per language and its alternatives (a text per language each). Built from the posted fields
	 * {@code p[0].label}, {@code p[0].text.en}, {@code p[0].alt[1].text.ru} …
	 */
	record TablingForm(String originalLanguage, List<ParagraphForm> paragraphs) {

		static TablingForm empty(String original) {
			return new TablingForm(original, List.of(ParagraphForm.EMPTY, ParagraphForm.EMPTY, ParagraphForm.EMPTY));
		}

		static TablingForm of(Map<String, String> form, List<String> languages) {
			var original = String.valueOf(form.getOrDefault("originalLanguage", languages.get(0))).trim().toLowerCase(Locale.ROOT);
			var labels = new TreeMap<Integer, String>();
			var texts = new TreeMap<Integer, Map<String, String>>();
			var alternatives = new TreeMap<Integer, TreeMap<Integer, Map<String, String>>>();
			for (var entry : form.entrySet()) {
				var matcher = PARAGRAPH_FIELD.matcher(entry.getKey());
				if (!matcher.matches()) {
					continue;
				}
				int index = Integer.parseInt(matcher.group(1));
				if (index >= MOST_PARAGRAPHS) {
					continue;
				}
				var value = entry.getValue() == null ? "" : entry.getValue();
				if (matcher.group(2).equals("label")) {
					labels.put(index, value.strip());
				}
				else if (matcher.group(3) != null) {
					if (languages.contains(matcher.group(3))) {
						texts.computeIfAbsent(index, i -> new TreeMap<>()).put(matcher.group(3), value);
					}
				}
				else {
					int alternative = Integer.parseInt(matcher.group(4));
					if (alternative < MOST_ALTERNATIVES && languages.contains(matcher.group(5))) {
						alternatives.computeIfAbsent(index, i -> new TreeMap<>()).computeIfAbsent(alternative, a -> new TreeMap<>())
								.put(matcher.group(5), value);
					}
				}
			}
			var indices = new java.util.TreeSet<Integer>();
			indices.addAll(labels.keySet());
			indices.addAll(texts.keySet());
			indices.addAll(alternatives.keySet());
			var paragraphs = new ArrayList<ParagraphForm>();
			int last = indices.isEmpty() ? -1 : indices.last();
			for (int i = 0; i <= last; i++) {
				var alts = alternatives.getOrDefault(i, new TreeMap<>());
				var altList = new ArrayList<Map<String, String>>();
				int lastAlternative = alts.isEmpty() ? -1 : alts.lastKey();
				for (int a = 0; a <= lastAlternative; a++) {
					altList.add(alts.getOrDefault(a, Map.of()));
				}
				paragraphs.add(new ParagraphForm(labels.getOrDefault(i, ""), texts.getOrDefault(i, Map.of()), altList));
			}
			if (paragraphs.isEmpty()) {
				paragraphs.add(ParagraphForm.EMPTY);
			}
			return new TablingForm(original, paragraphs);
		}

		/** The form with one more paragraph ("paragraph") or one more alternative to paragraph n ("alternative:n"). */
		TablingForm adding(String what) {
			var list = new ArrayList<>(paragraphs);
			if (what.startsWith("alternative:")) {
				try {
					int index = Integer.parseInt(what.substring("alternative:".length()));
					if (index >= 0 && index < list.size() && list.get(index).alternatives().size() < MOST_ALTERNATIVES) {
						var paragraph = list.get(index);
						var alternatives = new ArrayList<>(paragraph.alternatives());
						if (alternatives.isEmpty()) {
							// alternatives compete: the paragraph's text, if any, becomes Alt 1, and Alt 2 is offered beside it
							alternatives.add(paragraph.text());
						}
						alternatives.add(Map.of());
						list.set(index, new ParagraphForm(paragraph.label(), Map.of(), alternatives));
					}
				}
				catch (NumberFormatException ignored) {
					// nothing to add to
				}
			}
			else if (list.size() < MOST_PARAGRAPHS) {
				list.add(ParagraphForm.EMPTY);
			}
			return new TablingForm(originalLanguage, list);
		}

		/** The fields a refusal may stand beside: those of the form and of each paragraph. */
		Set<String> fields() {
			var fields = new java.util.HashSet<>(TABLING_FIELDS);
			for (int i = 0; i < paragraphs.size(); i++) {
				fields.add("p[" + i + "]");
			}
			return fields;
		}

		/**
		 * The paragraphs for the domain: those with any text, bracketed until agreed; a paragraph
		 * without a label is numbered after the operative paragraphs before it, alternatives are
		 * "Alt 1", "Alt 2" … Only non-empty texts are kept, per language.
		 */
		List<Paragraph> paragraphs(String original) {
			var result = new ArrayList<Paragraph>();
			int operative = 0;
			for (int i = 0; i < paragraphs.size(); i++) {
				var form = paragraphs.get(i);
				var text = filled(form.text());
				var alternatives = new ArrayList<Alternative>();
				for (var alternative : form.alternatives()) {
					var wording = filled(alternative);
					if (!wording.isEmpty()) {
						if (wording.getOrDefault(original, "").isBlank()) {
							throw new FormProblem.Refusal("p[" + i + "]", "drafting.form.alternative-without-original", i + 1);
						}
						alternatives.add(new Alternative("Alt " + (alternatives.size() + 1), wording, List.of()));
					}
				}
				if (text.isEmpty() && alternatives.isEmpty()) {
					if (!form.label().isBlank()) {
						throw new FormProblem.Refusal("p[" + i + "]", "drafting.form.paragraph-without-text", form.label());
					}
					continue;
				}
				if (alternatives.isEmpty() && text.getOrDefault(original, "").isBlank()) {
					throw new FormProblem.Refusal("p[" + i + "]", "drafting.form.paragraph-without-original", i + 1);
				}
				String label = form.label();
				if (label.isBlank()) {
					label = String.valueOf(++operative);
				}
				else if (!label.toUpperCase(Locale.ROOT).startsWith("PP")) {
					operative++;
				}
				if (!label.matches("[A-Za-z0-9.\\-]{1,20}")) {
					throw new FormProblem.Refusal("p[" + i + "]", "drafting.form.bad-label", label);
				}
				result.add(new Paragraph(label, ParagraphStatus.BRACKETED, alternatives.isEmpty() ? text : Map.of(), alternatives, List.of()));
			}
			if (result.isEmpty()) {
				throw new FormProblem.Refusal("p[0]", "drafting.form.no-paragraphs");
			}
			return result;
		}

		private static Map<String, String> filled(Map<String, String> texts) {
			var filled = new TreeMap<String, String>();
			texts.forEach((language, text) -> {
				if (text != null && !text.isBlank()) {
					filled.put(language, text.strip());
				}
			});
			return filled;
		}
	}

	/** One paragraph of the tabling form as typed. */
	record ParagraphForm(String label, Map<String, String> text, List<Map<String, String>> alternatives) {

		static final ParagraphForm EMPTY = new ParagraphForm("", Map.of(), List.of());

		public String text(String language) {
			return text.getOrDefault(language, "");
		}

		public String alternative(int index, String language) {
			return alternatives.get(index).getOrDefault(language, "");
		}
	}
}
