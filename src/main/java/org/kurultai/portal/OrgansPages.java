package org.kurultai.portal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.corrections.OrganCorrections;
import org.kurultai.corrections.OrganPageViews;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.Organs;
import org.kurultai.organs.SupersededClaim;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the organs: the bodies, a body, the chairmanship with the Troika and the Secretariat. Each shows the
 * decision that caused an entry, the entries the Secretariat's corrections superseded, and, to the Secretariat
 * ({@link OrganCorrections#mayCorrect}), the correction forms; a refused correction comes back here
 * ({@link OrganPageViews}).
 */
@Controller
class OrgansPages implements OrganPageViews {

	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;
	private final ForumClock clock;
	private final MessageSource messages;
	private final AccessPolicy access;
	private final OrganCorrections corrections;

	OrgansPages(Registry registry, Organs organs, Meetings meetings, ForumClock clock, MessageSource messages, AccessPolicy access,
			OrganCorrections corrections) {
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
		this.clock = clock;
		this.messages = messages;
		this.access = access;
		this.corrections = corrections;
	}

	@GetMapping("/bodies")
	String bodies(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf, Model model, Locale locale) {
		var day = asOf == null ? clock.today() : asOf;
		model.addAttribute("asOf", day);
		var groups = new java.util.EnumMap<BodyKind, List<Body>>(BodyKind.class);
		var bodies = organs.bodies();
		bodies.forEach(body -> groups.computeIfAbsent(body.kind(), kind -> new java.util.ArrayList<>()).add(body));
		model.addAttribute("groups", groups);
		model.addAttribute("bodies", bodies.stream().collect(java.util.stream.Collectors.toMap(Body::code, body -> body, (a, b) -> a,
				LinkedHashMap::new)));
		common(model, messages.getMessage("portal.bodies.title", null, locale), locale);
		return "bodies";
	}

	@GetMapping("/bodies/{code}")
	String bodyPage(@PathVariable String code, Model model, Locale locale) {
		return body(code, model, locale);
	}

	@Override
	public String body(String code, Model model, Locale locale) {
		var body = organs.body(code);
		var today = clock.today();
		model.addAttribute("body", body);
		model.addAttribute("today", today);
		model.addAttribute("parent", body.reportsTo() == null ? null : organs.body(body.reportsTo()));
		model.addAttribute("reporting", organs.bodies().stream().filter(other -> body.code().equals(other.reportsTo())).toList());
		model.addAttribute("meetings", access.visible(access.currentViewer(), meetings.find(body.code(), null, null),
				org.kurultai.meetings.Meeting::access));
		model.addAttribute("supersededNames", organs.superseded(SupersededClaim.Record.BODY_NAME, body.code()));
		corrections(model);
		var names = common(model, "", locale);
		model.addAttribute("title", names.body(body, today));
		return "body";
	}

	@GetMapping("/chairmanship")
	String chairmanshipPage(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf, Model model,
			Locale locale) {
		return chairmanship(asOf, model, locale);
	}

	@Override
	public String chairmanship(Model model, Locale locale) {
		return chairmanship(null, model, locale);
	}

	private String chairmanship(@Nullable LocalDate asOf, Model model, Locale locale) {
		var day = asOf == null ? clock.today() : asOf;
		var chairmanship = organs.chairmanship();
		model.addAttribute("asOf", day);
		model.addAttribute("troika", chairmanship.troikaOn(day));
		model.addAttribute("elect", chairmanship.electOn(day).orElse(null));
		model.addAttribute("terms", chairmanship.terms());
		model.addAttribute("handovers", chairmanship.handovers());
		model.addAttribute("secretariat", organs.secretariat());
		model.addAttribute("supersededTerms", organs.superseded(SupersededClaim.Record.CHAIR_TERM, null));
		model.addAttribute("supersededHeads", organs.superseded(SupersededClaim.Record.SECRETARIAT_HEAD, null));
		corrections(model);
		common(model, messages.getMessage("portal.chairmanship.title", null, locale), locale);
		return "chairmanship";
	}

	/** Whether the viewer may correct (the forms show), whether they know who corrected, and the States to choose from. */
	private void corrections(Model model) {
		var viewer = access.currentViewer();
		var mayCorrect = corrections.mayCorrect(viewer);
		model.addAttribute("mayCorrect", mayCorrect);
		model.addAttribute("mayKnowWhoCorrected", corrections.mayKnowWhoCorrected(viewer));
		FormProblems.none(model);
		if (mayCorrect) {
			model.addAttribute("states", registry.roster().participants().stream().filter(p -> p.kind() == ParticipantKind.STATE)
					.sorted(Comparator.comparing(Participant::code)).toList());
		}
	}

	private LocalNames common(Model model, String title, Locale locale) {
		var names = new LocalNames(registry.roster(), messages, locale);
		model.addAttribute("title", title);
		model.addAttribute("names", names);
		return names;
	}
}
