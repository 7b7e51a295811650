package org.kurultai.drafting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Organs;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drafting pages: the list of documents the viewer may see, a document's text with its brackets
 * and alternatives, its versions and amendments, the comparison of two versions, and the forms
 * through which delegations amend and the chair revises.
 */
@Controller
class DocumentPages {

	private final Drafting drafting;
	private final AccessPolicy access;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final ForumProperties forum;
	private final DraftingProperties properties;
	private final org.kurultai.meetings.Meetings meetings;

	DocumentPages(Drafting drafting, AccessPolicy access, Registry registry, Organs organs, ForumClock clock, ForumProperties forum,
			DraftingProperties properties, org.kurultai.meetings.Meetings meetings) {
		this.meetings = meetings;
		this.drafting = drafting;
		this.access = access;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.forum = forum;
		this.properties = properties;
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
		model.addAttribute("bodies", organs.bodiesOn(clock.today()));
		model.addAttribute("levels", AccessLevel.values());
		common(model, "Documents");
		return "documents";
	}

	@GetMapping({ "/documents/{id}", "/documents/{id}/versions/{number}" })
	String document(@PathVariable String id, @PathVariable @Nullable Integer number, @RequestParam @Nullable String language,
			Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		var lang = language == null || !document.languages().contains(language) ? document.originalLanguage() : language;
		model.addAttribute("document", document);
		// the meeting only where the viewer may know it: a closed meeting does not show through a public text
		model.addAttribute("meeting", document.meeting() == null ? null
				: meetings.meeting(document.meeting(), access.seenBy(viewer)).orElse(null));
		model.addAttribute("language", lang);
		model.addAttribute("bodyName", organs.body(document.body()).nameOn(document.date(clock.zone())).name());
		model.addAttribute("dateLabel", document.dateLabel(clock.zone()));
		if (document.hasText()) {
			var versions = drafting.versions(id, viewer);
			var shown = number == null ? versions.get(versions.size() - 1) : drafting.version(id, number, viewer);
			boolean current = shown.number() == document.latestVersion();
			model.addAttribute("versions", versions);
			model.addAttribute("version", shown);
			model.addAttribute("current", current);
			var amendments = drafting.amendments(id, viewer);
			model.addAttribute("amendments", amendments);
			var answerable = new LinkedHashMap<Long, List<String>>();
			amendments.forEach(a -> answerable.put(a.id(), drafting.answerable(a, user == null ? null : user.account())));
			model.addAttribute("answerable", answerable);
			model.addAttribute("open", amendments.stream()
					.filter(a -> a.status() == Amendment.Status.PROPOSED && a.againstVersion() == shown.number()).toList());
			model.addAttribute("positions", positions(drafting.positions(id, viewer)));
			var permissions = current ? drafting.permissions(document, user == null ? null : user.account()) : Drafting.Permissions.NONE;
			model.addAttribute("permissions", permissions);
			model.addAttribute("kinds", AmendmentKind.values());
			model.addAttribute("statuses", ParagraphStatus.values());
			model.addAttribute("zones", zones());
		}
		else {
			model.addAttribute("permissions", Drafting.Permissions.NONE);
		}
		common(model, document.symbol());
		return "document";
	}

	@GetMapping("/documents/{id}/compare")
	String compare(@PathVariable String id, @RequestParam int from, @RequestParam int to, @RequestParam @Nullable String language,
			Model model) {
		var viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		var comparison = drafting.compare(id, from, to, language, viewer);
		model.addAttribute("document", document);
		model.addAttribute("comparison", comparison);
		model.addAttribute("versions", drafting.versions(id, viewer));
		common(model, "Compare " + DocumentVersion.name(from) + " and " + DocumentVersion.name(to) + " · " + document.symbol());
		return "compare";
	}

	@PostMapping("/documents")
	String table(@AuthenticationPrincipal KurultaiUser user, @RequestParam DocumentType type, @RequestParam String title,
			@RequestParam String body, @RequestParam AccessLevel access, @RequestParam @Nullable String named,
			@RequestParam String text) {
		var blocks = Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (blocks.isEmpty()) {
			throw InvalidRequest.of("text", "problem.drafting.paragraphsNeeded");
		}
		var paragraphs = new ArrayList<Paragraph>();
		var original = properties.languages().get(0);
		for (int i = 0; i < blocks.size(); i++) {
			paragraphs.add(new Paragraph(String.valueOf(i + 1), ParagraphStatus.BRACKETED, Map.of(original, blocks.get(i)), List.of(),
					List.of()));
		}
		var codes = named == null || named.isBlank() ? Set.<String>of() : Set.copyOf(codes(named));
		var document = drafting.table(user.account(), new Drafting.NewDocument(type, title, body, new Access(access, codes), null,
				original, paragraphs));
		return "redirect:/documents/" + document.id();
	}

	@PostMapping("/documents/{id}/amendments")
	String propose(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam int againstVersion,
			@RequestParam AmendmentKind kind, @RequestParam String paragraph, @RequestParam @Nullable String alternative,
			@RequestParam @Nullable String text, @RequestParam @Nullable String cosponsors, @RequestParam @Nullable String explanation) {
		var document = drafting.document(id, access.viewer(user.account(), clock.today()));
		var texts = text == null || text.isBlank() ? Map.<String, String>of() : Map.of(document.originalLanguage(), text.strip());
		drafting.propose(user.account(), id, new Drafting.NewAmendment(againstVersion, kind, paragraph, alternative, texts,
				cosponsors == null || cosponsors.isBlank() ? List.of() : codes(cosponsors), explanation));
		return "redirect:/documents/" + document.id() + "#amendments";
	}

	@PostMapping("/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/acceptance")
	String accept(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@PathVariable String participant) {
		var answered = drafting.answer(user.account(), id, amendment, participant, true);
		return "redirect:/documents/" + answered.document() + "#amendments";
	}

	@PostMapping("/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/refusal")
	String decline(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@PathVariable String participant) {
		var answered = drafting.answer(user.account(), id, amendment, participant, false);
		return "redirect:/documents/" + answered.document() + "#amendments";
	}

	@PostMapping("/documents/{id}/positions")
	String state(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam String paragraph,
			@RequestParam String alternative, @RequestParam AlternativePosition.Stance stance) {
		drafting.state(user.account(), id, paragraph, alternative, stance);
		return "redirect:/documents/" + id.toUpperCase(Locale.ROOT) + "#p-" + paragraph;
	}

	@PostMapping("/documents/{id}/revisions")
	String revise(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam int basedOn,
			@RequestParam(required = false) @Nullable List<Long> takeIn, @RequestParam Map<String, String> form) {
		var marks = new LinkedHashMap<String, ParagraphStatus>();
		form.forEach((key, value) -> {
			if (key.startsWith("mark.") && !value.isBlank()) {
				try {
					marks.put(key.substring(5), ParagraphStatus.valueOf(value));
				}
				catch (IllegalArgumentException unknown) {
					throw InvalidRequest.of(key, "problem.drafting.unknownParagraphStatus", value);
				}
			}
		});
		var version = drafting.revise(user.account(), id, basedOn, takeIn == null ? List.of() : takeIn, marks);
		return "redirect:/documents/" + version.document();
	}

	private List<String> codes(String list) {
		var codes = new ArrayList<String>();
		for (var code : list.split("[,;\\s]+")) {
			if (!code.isBlank()) {
				var normalized = code.trim().toUpperCase(Locale.ROOT);
				if (!normalized.matches("[A-Z]{2,10}") || !registry.isRegistered(ParticipantCode.of(normalized))) {
					throw InvalidRequest.of("participants", "problem.participant.unknown", code);
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
			var key = position.paragraph().toLowerCase(Locale.ROOT) + "|" + position.alternative().toLowerCase(Locale.ROOT);
			var stances = byAlternative.computeIfAbsent(key, k -> new Stances(new ArrayList<>(), new ArrayList<>()));
			(position.stance() == AlternativePosition.Stance.SUPPORTS ? stances.supporters() : stances.opponents()).add(position.participant());
		}
		return byAlternative;
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

	private void common(Model model, String title) {
		model.addAttribute("title", title);
		model.addAttribute("forum", forum.name());
		model.addAttribute("names", new org.kurultai.registry.NameLookup(registry.roster()));
		model.addAttribute("forumZone", clock.zone().getId());
		model.addAttribute("zone", clock.zone());
	}
}
