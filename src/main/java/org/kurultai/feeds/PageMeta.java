package org.kurultai.feeds;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.kurultai.platform.ForumProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a public page says of itself to other sites and to feed readers, given to the layout as {@code pageMeta}
 * ({@code fragments :: head} writes it): the Open Graph type, the page's address, its language ({@code en_GB} /
 * {@code ru_RU}) and the other one, the key of its description in the page's language (a message whose {@code {0}} is the
 * page's title, so a record's page describes that record), and the Atom feeds of what it lists ({@code <link
 * rel="alternate">}, in the page's language). Only the pages of the public portal have one ({@link #PAGES}, by route):
 * sign-in, one-time links and personal pages say nothing of themselves.
 */
public record PageMeta(String descriptionKey, String type, String url, String locale, String alternateLocale, List<FeedLink> feeds) {

	/** A feed of the page, with its title in the page's language. */
	public record FeedLink(String href, String title) {
	}

	/** How one kind of public page describes itself: its description's key (feeds.page.*), its Open Graph type, its feeds. */
	record Page(String description, String type, List<FeedEntries.Feed> feeds) {

		static Page of(String description, FeedEntries.Feed... feeds) {
			return new Page(description, "website", List.of(feeds));
		}

		static Page article(String description, FeedEntries.Feed... feeds) {
			return new Page(description, "article", List.of(feeds));
		}
	}

	/** The public portal's pages, by route. */
	static final Map<String, Page> PAGES = Map.ofEntries(
			Map.entry("/", Page.of("home", FeedEntries.Feed.values())),
			Map.entry("/participants", Page.of("participants")),
			Map.entry("/participants/{code}", Page.of("participant")),
			Map.entry("/changes", Page.of("changes")),
			Map.entry("/bodies", Page.of("bodies")),
			Map.entry("/bodies/{code}", Page.of("body")),
			Map.entry("/chairmanship", Page.of("chairmanship")),
			Map.entry("/meetings", Page.of("meetings", FeedEntries.Feed.MEETINGS)),
			Map.entry("/meetings/{id}", Page.of("meeting", FeedEntries.Feed.MEETINGS)),
			Map.entry("/meetings/{id}/agenda", Page.of("agenda", FeedEntries.Feed.MEETINGS)),
			Map.entry("/meetings/{id}/participants", Page.of("meetingParticipants", FeedEntries.Feed.MEETINGS)),
			Map.entry("/calendar", Page.of("calendar", FeedEntries.Feed.MEETINGS)),
			Map.entry("/timeline", Page.of("timeline", FeedEntries.Feed.TIMELINE)),
			Map.entry("/documents", Page.of("documents", FeedEntries.Feed.DOCUMENTS)),
			Map.entry("/documents/{id}", Page.article("document", FeedEntries.Feed.DOCUMENTS)),
			Map.entry("/documents/{id}/versions/{number}", Page.article("version", FeedEntries.Feed.DOCUMENTS)),
			Map.entry("/documents/{id}/compare", Page.of("compare", FeedEntries.Feed.DOCUMENTS)),
			Map.entry("/decisions", Page.of("decisions", FeedEntries.Feed.DECISIONS)),
			Map.entry("/decisions/{id}", Page.article("decision", FeedEntries.Feed.DECISIONS)),
			Map.entry("/applications", Page.of("applications")),
			Map.entry("/applications/{id}", Page.of("application")),
			Map.entry("/fund/projects", Page.of("fundProjects", FeedEntries.Feed.FUND_PROJECTS)),
			Map.entry("/fund/projects/{id}", Page.of("fundProject", FeedEntries.Feed.FUND_PROJECTS)),
			Map.entry("/catalogue", Page.of("catalogue")),
			Map.entry("/catalogue/differences", Page.of("differences")),
			Map.entry("/commitments", Page.of("commitments")),
			Map.entry("/cbm", Page.of("cbm")),
			Map.entry("/cbm/reports", Page.of("reports")),
			Map.entry("/exchange", Page.of("exchange")),
			Map.entry("/sources", Page.of("sources")),
			Map.entry("/participants/map", Page.of("map")),
			Map.entry("/search", Page.of("search")),
			Map.entry("/data", Page.of("data")),
			Map.entry("/fund", Page.of("fund", FeedEntries.Feed.FUND_PROJECTS)),
			Map.entry("/api-docs", Page.of("apiDocs")));

	/** Gives every page its {@code pageMeta} (null for a page that is not one of the public portal's). */
	@ControllerAdvice(annotations = Controller.class)
	static class Advice {

		private final FeedPublisher publisher;
		private final ForumProperties forum;
		private final MessageSource messages;

		Advice(FeedPublisher publisher, ForumProperties forum, MessageSource messages) {
			this.publisher = publisher;
			this.forum = forum;
			this.messages = messages;
		}

		@ModelAttribute("pageMeta")
		@Nullable PageMeta pageMeta(HttpServletRequest request, Locale locale) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return null;
			}
			if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)) {
				return null;
			}
			var page = PAGES.get(pattern);
			if (page == null) {
				return null;
			}
			var russian = "ru".equals(locale.getLanguage());
			var query = request.getQueryString();
			var url = publisher.absolute(request.getRequestURI() + (query == null ? "" : "?" + query));
			var language = russian ? "ru" : "en";
			var feeds = page.feeds().stream()
					.map(feed -> new FeedLink(feed.path() + "?lang=" + language,
							messages.getMessage("feeds.title." + feed.slug(), new Object[] { forum.name(locale) }, locale)))
					.toList();
			return new PageMeta("feeds.page." + page.description(), page.type(), url, russian ? "ru_RU" : "en_GB",
					russian ? "en_GB" : "ru_RU", feeds);
		}
	}
}
