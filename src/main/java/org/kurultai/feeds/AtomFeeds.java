package org.kurultai.feeds;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.platform.ForumProperties;
import org.kurultai.platform.Languages;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feeds (RFC 4287) of the public record: {@code /feeds/decisions.atom} (decisions adopted),
 * {@code /feeds/documents.atom} (documents published), {@code /feeds/meetings.atom}, {@code /feeds/timeline.atom} and
 * {@code /feeds/fund-projects.atom} (the CICA Fund's projects approved).
 * Each is in the language of {@code ?lang=en|ru}, else of the request as the pages choose it (the language cookie,
 * {@code Accept-Language}); holds at most {@link FeedEntries#LIMIT} entries, newest first, with stable {@code tag:} ids
 * and links to the records' pages; shows what the public may see, whoever asks. Its {@code ETag} is a hash of its
 * bytes and its {@code Last-Modified} when they last changed ({@link FeedPublisher#answer}); it is written again when
 * the data versions of the areas it shows move, and a current feed answers 304 before anything is read.
 */
@RestController
@Tag(name = "Feeds", description = "Atom feeds and the sitemap of the public record")
class AtomFeeds {

	static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

	private final FeedEntries entries;
	private final FeedPublisher publisher;
	private final ForumProperties forum;
	private final MessageSource messages;

	AtomFeeds(FeedEntries entries, FeedPublisher publisher, ForumProperties forum, MessageSource messages) {
		this.entries = entries;
		this.publisher = publisher;
		this.forum = forum;
		this.messages = messages;
	}

	@GetMapping(path = "/feeds/decisions.atom")
	@Operation(summary = "The decisions adopted, newest first (Atom): each with its register symbol, document, body and day, linked to "
			+ "its page; public decisions only")
	ResponseEntity<String> decisions(@Parameter(description = "en or ru; else the request's language") @RequestParam(required = false) @Nullable String lang,
			Locale locale, HttpServletRequest request) {
		return feed(FeedEntries.Feed.DECISIONS, lang, locale, request, Area.DECISIONS, Area.DOCUMENTS, Area.ORGANS, Area.REGISTRY);
	}

	@GetMapping(path = "/feeds/documents.atom")
	@Operation(summary = "The documents published, newest first (Atom): adopted texts and public drafts, with their symbol, type, body "
			+ "and day, linked to their pages; public documents only")
	ResponseEntity<String> documents(@Parameter(description = "en or ru; else the request's language") @RequestParam(required = false) @Nullable String lang,
			Locale locale, HttpServletRequest request) {
		return feed(FeedEntries.Feed.DOCUMENTS, lang, locale, request, Area.DOCUMENTS, Area.ORGANS, Area.REGISTRY);
	}

	@GetMapping(path = "/feeds/meetings.atom")
	@Operation(summary = "The meetings, most recently convened or changed first (Atom): days, place, status, linked to their pages; "
			+ "public meetings only")
	ResponseEntity<String> meetings(@Parameter(description = "en or ru; else the request's language") @RequestParam(required = false) @Nullable String lang,
			Locale locale, HttpServletRequest request) {
		return feed(FeedEntries.Feed.MEETINGS, lang, locale, request, Area.MEETINGS, Area.ORGANS, Area.REGISTRY);
	}

	@GetMapping(path = "/feeds/timeline.atom")
	@Operation(summary = "The forum's history up to today, newest first (Atom): the timeline's events the public may see, linked to "
			+ "the records they come from")
	ResponseEntity<String> timeline(@Parameter(description = "en or ru; else the request's language") @RequestParam(required = false) @Nullable String lang,
			Locale locale, HttpServletRequest request) {
		return feed(FeedEntries.Feed.TIMELINE, lang, locale, request, Area.TIMELINE, Area.MEETINGS, Area.ORGANS, Area.REGISTRY);
	}

	@GetMapping(path = "/feeds/fund-projects.atom")
	@Operation(summary = "The CICA Fund's projects approved by its Project Review Committee, latest approval first (Atom): the project, "
			+ "its State, the amount approved and the day, linked to the project's page; drafts and projects not yet approved never appear")
	ResponseEntity<String> fundProjects(@Parameter(description = "en or ru; else the request's language") @RequestParam(required = false) @Nullable String lang,
			Locale locale, HttpServletRequest request) {
		return feed(FeedEntries.Feed.FUND_PROJECTS, lang, locale, request, Area.DECISIONS, Area.REGISTRY);
	}

	/** The language asked by {@code ?lang=} (400 for one Kurultai is not written in), else the request's. */
	static Locale language(@Nullable String lang, Locale requested) {
		if (lang == null) {
			return Languages.supported(requested.toLanguageTag()) != null ? Languages.supported(requested.toLanguageTag())
					: Languages.SUPPORTED.get(0);
		}
		var chosen = Languages.supported(lang);
		if (chosen == null) {
			throw InvalidRequest.of("lang", "problem.feeds.language", lang.length() > 20 ? lang.substring(0, 20) : lang);
		}
		return chosen;
	}

	private ResponseEntity<String> feed(FeedEntries.Feed feed, @Nullable String lang, Locale requested, HttpServletRequest request,
			Area... areas) {
		var locale = language(lang, requested);
		// the self link says whether the language is in the address: another text
		var answer = publisher.answer(request, feed.slug() + "|" + locale.getLanguage() + (lang != null ? "|lang" : ""), areas, MEDIA_TYPE,
				() -> write(feed, locale, lang != null));
		var response = answer.builder().cacheControl(CacheControl.noCache().cachePublic());
		if (lang == null) {
			response.varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE);
		}
		if (answer.body() != null) {
			response.header(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
		}
		return response.body(answer.body());
	}

	String write(FeedEntries.Feed feed, Locale locale, boolean languageInAddress) {
		var list = entries.entries(feed, locale);
		var atom = new Feed("atom_1.0");
		var self = publisher.absolute(feed.path() + (languageInAddress ? "?lang=" + locale.getLanguage() : ""));
		atom.setId(publisher.tag("feeds/" + feed.slug() + "/" + locale.getLanguage()));
		atom.setLanguage(locale.getLanguage());
		atom.setTitleEx(text(messages.getMessage("feeds.title." + feed.slug(), new Object[] { forum.name(locale) }, locale)));
		atom.setSubtitle(text(messages.getMessage("feeds.subtitle." + feed.slug(), new Object[] { forum.name(locale) }, locale)));
		atom.setAlternateLinks(List.of(link("alternate", publisher.absolute(feed.page()), "text/html")));
		atom.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
		var author = new Person();
		author.setName(xmlText(forum.name(locale)));
		author.setUri(publisher.publicUrl() + "/");
		atom.setAuthors(List.<SyndPerson>of(author));
		var generator = new Generator();
		generator.setValue("Kurultai");
		atom.setGenerator(generator);
		atom.setRights(messages.getMessage("feeds.rights", new Object[] { forum.name(locale) }, locale));
		// the feed changed when its newest entry did (an empty feed: never since this build; not when the data it reads last
		// changed, which may be a record the public may not see)
		atom.setUpdated(Date.from(list.isEmpty() ? publisher.builtAt()
				: list.stream().map(FeedEntries.Entry::updated).max(java.util.Comparator.naturalOrder()).orElseThrow()));
		var written = new ArrayList<Entry>();
		for (var item : list) {
			var entry = new Entry();
			entry.setId(publisher.tag(item.key()));
			entry.setTitleEx(text(item.title()));
			entry.setUpdated(Date.from(item.updated()));
			entry.setAlternateLinks(List.of(link("alternate", publisher.absolute(item.link()), "text/html")));
			entry.setSummary(text(item.summary()));
			var category = new Category();
			category.setTerm(item.category());
			entry.setCategories(List.of(category));
			written.add(entry);
		}
		atom.setEntries(written);
		try {
			// the feed's language as RFC 4287 says it (xml:lang on the feed element)
			var document = new WireFeedOutput().outputJDom(atom);
			document.getRootElement().setAttribute("lang", locale.getLanguage(), org.jdom2.Namespace.XML_NAMESPACE);
			return new org.jdom2.output.XMLOutputter(org.jdom2.output.Format.getPrettyFormat().setEncoding("UTF-8")).outputString(document);
		}
		catch (FeedException cannot) {
			throw new IllegalStateException("the " + feed.slug() + " feed cannot be written", cannot);
		}
	}

	private static Content text(String value) {
		var content = new Content();
		content.setType(Content.TEXT);
		content.setValue(xmlText(value));
		return content;
	}

	/** The text as XML 1.0 may carry it (a title may hold a character XML forbids): see {@link org.kurultai.shared.XmlText}. */
	static String xmlText(String text) {
		return org.kurultai.shared.XmlText.legal(text);
	}

	private static Link link(String rel, String href, String type) {
		var link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}
}
