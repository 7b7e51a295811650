package org.kurultai.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.kurultai.cbm.Catalogue;
import org.kurultai.decisions.Decision;
import org.kurultai.decisions.Decisions;
import org.kurultai.drafting.Drafting;
import org.kurultai.fund.FundProjects;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sitemap.xml} (the sitemaps.org protocol 0.9): the public pages and the page of every record the public may
 * see — participants, bodies, meetings, documents, decisions, the Catalogue's editions, the CICA Fund's approved
 * projects — each read through its module's
 * read path as {@link Viewer#PUBLIC}, with {@code lastmod} where the record says when it last changed (the day, in the
 * forum's time zone); and {@code /robots.txt}, which points to it and keeps crawlers out of what is personal. Both
 * carry validators of their bytes ({@link FeedPublisher#answer}) and answer 304 when unchanged.
 */
@RestController
@Tag(name = "Feeds")
class Sitemap {

	static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	/** The pages of the public portal that take no record in their address. */
	static final List<String> PAGES = List.of("/", "/participants", "/changes", "/bodies", "/chairmanship", "/meetings", "/calendar",
			"/timeline", "/documents", "/decisions", "/catalogue", "/cbm", "/exchange", "/sources", "/participants/map", "/data", "/fund", "/api-docs",
			"/fund/projects");

	private static final Area[] PUBLIC_RECORD = { Area.REGISTRY, Area.ORGANS, Area.MEETINGS, Area.DOCUMENTS, Area.DECISIONS, Area.CBM,
			Area.TIMELINE };

	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;
	private final Drafting drafting;
	private final Decisions decisions;
	private final Catalogue catalogue;
	private final FundProjects projects;
	private final AccessPolicy access;
	private final ForumClock clock;
	private final FeedPublisher publisher;

	Sitemap(Registry registry, Organs organs, Meetings meetings, Drafting drafting, Decisions decisions, Catalogue catalogue,
			FundProjects projects, AccessPolicy access, ForumClock clock, FeedPublisher publisher) {
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
		this.drafting = drafting;
		this.decisions = decisions;
		this.catalogue = catalogue;
		this.projects = projects;
		this.access = access;
		this.clock = clock;
		this.publisher = publisher;
	}

	@GetMapping("/sitemap.xml")
	@Operation(summary = "The sitemap (sitemaps.org 0.9): the public pages and the page of every public record, with lastmod where known")
	@Transactional(readOnly = true)
	ResponseEntity<String> sitemap(HttpServletRequest request) {
		var answer = publisher.answer(request, "sitemap", PUBLIC_RECORD, "application/xml;charset=UTF-8", () -> write(urls()));
		return answered(answer, "application/xml;charset=UTF-8");
	}

	private static ResponseEntity<String> answered(FeedPublisher.Answer answer, String mediaType) {
		var response = answer.builder().cacheControl(CacheControl.noCache().cachePublic());
		if (answer.body() != null) {
			response.header(HttpHeaders.CONTENT_TYPE, mediaType);
		}
		return response.body(answer.body());
	}

	@GetMapping("/robots.txt")
	@Operation(summary = "Where crawlers may go, and the sitemap's address")
	ResponseEntity<String> robots(HttpServletRequest request) {
		return answered(publisher.answer(request, "robots", new Area[0], "text/plain;charset=UTF-8", this::robots), "text/plain;charset=UTF-8");
	}

	private String robots() {
		return """
				User-agent: *
				Disallow: /account
				Disallow: /admin/
				Disallow: /api/me
				Disallow: /me/
				Disallow: /notifications
				Disallow: /invitations/
				Disallow: /password-reset
				Disallow: /unsubscribe/
				Disallow: /login
				Disallow: /search
				Allow: /

				Sitemap: %s
				""".formatted(publisher.absolute("/sitemap.xml"));
	}

	/** The addresses (within Kurultai) of the sitemap, each with the day it last changed, if known; in a stable order. */
	Map<String, @Nullable LocalDate> urls() {
		var zone = clock.zone();
		var urls = new LinkedHashMap<String, @Nullable LocalDate>();
		PAGES.forEach(page -> urls.put(page, null));
		registry.roster().participants().forEach(participant -> urls.put("/participants/" + participant.code().value(), null));
		organs.bodies().forEach(body -> urls.put("/bodies/" + body.code(), null));
		var visible = access.visible(Viewer.PUBLIC, meetings.find(null, null, null), Meeting::access);
		var recorded = meetings.currentPlanRecorded(visible.stream().map(Meeting::id).toList(), Viewer.PUBLIC);
		for (var meeting : visible) {
			urls.put("/meetings/" + meeting.id(), day(FeedEntries.meetingUpdated(meeting, recorded.get(meeting.id()), zone)));
		}
		for (var document : drafting.documents(Viewer.PUBLIC)) {
			urls.put("/documents/" + document.id(), day(FeedEntries.documentUpdated(document, zone)));
		}
		for (var decision : decisions.register(Viewer.PUBLIC, null, null)) {
			urls.put("/decisions/" + decision.id(), day(changed(decision)));
		}
		for (var edition : catalogue.editions()) {
			urls.put("/catalogue?edition=" + edition.code(), edition.adoptedOn());
		}
		// the CICA Fund's projects the public may see (approved, and after): last changed when decided or closed
		for (var project : projects.projects(Viewer.PUBLIC, null)) {
			urls.put("/fund/projects/" + project.id(), project.closedOn() != null ? project.closedOn() : project.decidedOn());
		}
		return urls;
	}

	private @Nullable LocalDate day(@Nullable Instant instant) {
		return instant == null ? null : LocalDate.ofInstant(instant, clock.zone());
	}

	/** When a decision last changed: closed, or proposed while open; one recorded from history: its day. */
	private @Nullable Instant changed(Decision decision) {
		if (decision.recorded() && decision.decidedOn() != null) {
			return FeedEntries.startOf(decision.decidedOn(), clock.zone());
		}
		return decision.closedAt() != null ? decision.closedAt() : decision.proposedAt();
	}

	private String write(Map<String, @Nullable LocalDate> urls) {
		var out = new StringWriter();
		try {
			var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(NAMESPACE);
			for (var url : new ArrayList<>(urls.entrySet())) {
				xml.writeCharacters("\n  ");
				xml.writeStartElement("url");
				xml.writeStartElement("loc");
				xml.writeCharacters(publisher.absolute(url.getKey()));
				xml.writeEndElement();
				if (url.getValue() != null) {
					xml.writeStartElement("lastmod");
					xml.writeCharacters(url.getValue().toString());
					xml.writeEndElement();
				}
				xml.writeEndElement();
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException cannot) {
			throw new IllegalStateException("the sitemap cannot be written", cannot);
		}
		return out.toString();
	}
}
