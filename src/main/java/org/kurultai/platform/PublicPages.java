package org.kurultai.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.shared.ForumClock;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching of what the public reads, and a rendered-page cache for it.
 *
 * <p>An anonymous {@code GET} (nobody signed in, no session) of a page or an API read is answered with an {@code ETag}
 * and a {@code Last-Modified} taken from the {@link DataVersions data versions} of every area of the public record
 * (all but {@link Area#IDENTITY}), the build, the forum's minute (pages say "today" and whether a deadline has passed)
 * and the variant: the host, the address with its query, the language, every {@code Accept} line and htmx's {@code HX-Request}.
 * A request whose {@code If-None-Match} holds the variant's current tag gets {@code 304 Not Modified} before anything is
 * read or rendered; {@code If-None-Match: *} and {@code If-Modified-Since}, which do not say what the client holds, only
 * against a page of the variant known to be a 200 (stored or just rendered), so a 404 or a refusal never becomes a 304.
 * {@code Cache-Control: public, max-age=0, must-revalidate} lets browsers and shared caches keep the page but ask every
 * time (a cheap 304), so a change is seen at once; {@code Vary} keeps languages and signed-in readers apart.
 *
 * <p>The rendered bytes of such a response (200, no cookie set, no session opened, no {@code Cache-Control} of its own,
 * not a static resource) are kept in memory (Caffeine, bounded by {@code kurultai.http-cache.max-size}), keyed by the
 * variant and valid for its stamp, with their gzip: the next anonymous reader of the same variant gets them without a
 * query. A signed-in person, a request carrying a session or a bearer token, a write, an error and a static resource
 * pass by untouched (Spring Security's {@code no-store} then applies), so a page made for one access level or language
 * is never given to another.
 */
public class PublicPages implements Filter {

	private static final String RENDERING = PublicPages.class.getName() + ".rendering";

	/** A response being rendered into memory. */
	private static final class Rendering extends ContentCachingResponseWrapper {

		volatile boolean forwarded;

		Rendering(HttpServletResponse response) {
			super(response);
		}
	}

	static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

	/** Every request header a stored page's variant depends on (a shared cache must keep them apart, or ask). */
	static final String VARY = "Accept, Accept-Language, Cookie, Accept-Encoding, HX-Request, Authorization";

	/** Addresses that are never cached: probes, metrics, sign-in, static resources (they have their own headers). */
	private static final List<String> PASSING = List.of("/actuator", "/livez", "/readyz", "/login", "/logout", "/css/", "/js/",
			"/webjars/", "/swagger-ui/", "/favicon.ico", "/language", "/error");

	/** Content types worth compressing once, at storing (the same list as server.compression.mime-types). */
	private static final List<String> TEXT = List.of("text/", "application/json", "application/problem+json", "application/xml",
			"application/akn+xml", "application/javascript", "image/svg+xml", "application/vnd.oai.openapi");

	private static final Area[] PUBLIC_RECORD = { Area.REGISTRY, Area.ORGANS, Area.MEETINGS, Area.DOCUMENTS, Area.DECISIONS,
			Area.CBM, Area.TIMELINE };

	private static final int MINIMUM_GZIP = 1024;

	/** One rendered response of a variant, valid while the tag is the current one. */
	record Page(String etag, @Nullable Instant lastModified, byte[] body, byte @Nullable [] gzipped, @Nullable String contentType,
			@Nullable String contentLanguage, @Nullable String contentDisposition, @Nullable String pattern) {

		int weight() {
			return 200 + body.length + (gzipped == null ? 0 : gzipped.length);
		}

		/** Stored while its last change's second was not over, it takes its date once that second is. */
		Page dated(@Nullable Instant date) {
			return lastModified != null || date == null ? this
					: new Page(etag, date, body, gzipped, contentType, contentLanguage, contentDisposition, pattern);
		}
	}

	private final DataVersions versions;

	private final LocaleResolver languages;

	private final ForumClock clock;

	private final String build;

	private final Instant builtAt;

	private final @Nullable Cache<String, Page> pages;

	private final ConcurrentHashMap<String, CompletableFuture<@Nullable Page>> inFlight = new ConcurrentHashMap<>();

	PublicPages(DataVersions versions, LocaleResolver languages, ForumClock clock, @Nullable BuildProperties build, DataSize maxSize) {
		this.versions = versions;
		this.languages = languages;
		this.clock = clock;
		// a new build may render the same data differently: its pages must not be taken for the old ones
		this.builtAt = build != null && build.getTime() != null ? build.getTime()
				: Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		this.build = Long.toString(builtAt.toEpochMilli(), 36);
		this.pages = maxSize.toBytes() <= 0 ? null
				: Caffeine.newBuilder().maximumWeight(maxSize.toBytes()).<String, Page>weigher((key, page) -> key.length() * 2 + page.weight())
					.build();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		var request = (HttpServletRequest) servletRequest;
		var response = (HttpServletResponse) servletResponse;
		if (request.getDispatcherType() == DispatcherType.FORWARD && request.getAttribute(RENDERING) instanceof Rendering rendering) {
			// a page forwarded (e.g. to /error): Tomcat finishes the response itself when the forward returns, so the forward
			// writes to the response as it came to this filter (Spring Security's headers included), not into memory
			rendering.forwarded = true;
			chain.doFilter(request, rendering.getResponse());
			return;
		}
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			chain.doFilter(request, response);
			return;
		}
		var variant = publicVariant(request);
		if (variant == null) {
			chain.doFilter(request, response);
			return;
		}
		var now = clock.now();
		var minute = now.truncatedTo(ChronoUnit.MINUTES);
		// the stamp is taken before anything is read: a change made while rendering makes the next request render again
		var stamp = versions.stamp(PUBLIC_RECORD);
		var etag = "W/" + stamp.etag(build + "|" + minute.getEpochSecond() + "|" + variant);
		// no date while the last change's second is not over (DataVersions.Stamp#httpLastModified): the tag alone validates
		var lastModified = stamp.settled() ? latest(stamp.lastModified(), builtAt, minute) : null;
		// only a tag the client was given for this very variant proves, before rendering, that it is still a 200 to revalidate
		if (notModified(request, etag, lastModified, false)) {
			notModified(response, etag, lastModified);
			return;
		}
		@Nullable Page page = pages == null ? null : pages.getIfPresent(variant);
		if (page != null && page.etag().equals(etag)) {
			answer(request, response, page.dated(lastModified));
			return;
		}
		// one rendering per variant and stamp at a time: the readers who come meanwhile wait for it instead of rendering too
		var rendering = new CompletableFuture<@Nullable Page>();
		var flight = variant + "|" + etag;
		var earlier = pages == null ? null : inFlight.putIfAbsent(flight, rendering);
		if (earlier != null) {
			var shared = awaited(earlier);
			if (shared != null) {
				answer(request, response, shared.dated(lastModified));
				return;
			}
		}
		Page fresh = null;
		try {
			fresh = render(request, response, chain, variant, etag, lastModified);
		}
		finally {
			if (earlier == null && pages != null) {
				inFlight.remove(flight, rendering);
				rendering.complete(fresh);
			}
		}
	}

	private @Nullable Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String variant,
			String etag, @Nullable Instant lastModified) throws IOException, ServletException {
		var rendered = new Rendering(response);
		request.setAttribute(RENDERING, rendered);
		try {
			chain.doFilter(request, rendered);
		}
		finally {
			request.removeAttribute(RENDERING);
		}
		if (rendered.forwarded) {
			// written by the forward straight to the response (an error page): nothing held, nothing to store
			return null;
		}
		if (!storable(request, rendered)) {
			rendered.copyBodyToResponse();
			return null;
		}
		var body = rendered.getContentAsByteArray();
		var contentType = rendered.getContentType();
		var page = new Page(etag, lastModified, body, compressible(contentType, body) ? gzip(body) : null, contentType,
				contentLanguage(rendered, contentType), rendered.getHeader(HttpHeaders.CONTENT_DISPOSITION),
				request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern ? pattern : null);
		if (pages != null) {
			pages.put(variant, page);
		}
		// what the handler wrote is replaced by the page as stored (validators, and its gzip when the client takes it)
		rendered.resetBuffer();
		answer(request, response, page);
		return page;
	}

	private static @Nullable Page awaited(CompletableFuture<@Nullable Page> rendering) {
		try {
			return rendering.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException notShared) {
			return null;
		}
	}

	/**
	 * The variant an anonymous reader's GET names, or null when the request is not one for the public: the host, the
	 * address and its query, the language, Accept and HX-Request.
	 */
	private @Nullable String publicVariant(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		var path = request.getRequestURI();
		for (var prefix : PASSING) {
			if (path.startsWith(prefix)) {
				return null;
			}
		}
		var query = request.getQueryString();
		// every Accept line, as content negotiation reads them all: a second line must not choose what the first one's readers get
		var accepts = request.getHeaders(HttpHeaders.ACCEPT);
		String accept = null;
		while (accepts.hasMoreElements()) {
			var line = accepts.nextElement();
			accept = accept == null ? line : accept + ", " + line;
		}
		if (path.length() + (query == null ? 0 : query.length()) > 2000 || (accept != null && accept.length() > 500)
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.RANGE) != null) {
			return null;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return null;
		}
		// an anonymous visitor with a session (e.g. after opening the sign-in page) may be shown a CSRF token: not shared
		if (request.getSession(false) != null) {
			return null;
		}
		var language = languages.resolveLocale(request).getLanguage();
		return request.getServerName() + ":" + request.getServerPort() + path + (query == null ? "" : "?" + query) + "|" + language
				+ "|" + (accept == null ? "" : accept) + "|" + (request.getHeader("HX-Request") == null ? "" : "hx");
	}

	/** Tomcat keeps a page's language (set from its locale by Spring MVC) apart from its headers until it sends them. */
	private static @Nullable String contentLanguage(HttpServletResponse response, @Nullable String contentType) {
		var header = response.getHeader(HttpHeaders.CONTENT_LANGUAGE);
		if (header != null) {
			return header;
		}
		return contentType != null && contentType.startsWith("text/html") ? response.getLocale().toLanguageTag() : null;
	}

	/** Whether a response rendered for the public may be kept and shared. */
	private static boolean storable(HttpServletRequest request, ContentCachingResponseWrapper response) {
		return response.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted() && !response.isCommitted()
				&& !response.containsHeader(HttpHeaders.SET_COOKIE) && !response.containsHeader(HttpHeaders.CACHE_CONTROL)
				&& !response.containsHeader(HttpHeaders.ETAG) && !response.containsHeader(HttpHeaders.CONTENT_ENCODING)
				&& request.getSession(false) == null;
	}

	/**
	 * A page of this variant as of the current stamp, known to be a 200: a 304 if the request's date or {@code *} says the
	 * client has it (evaluated only now, for a refusal or an error must never become a 304), else the page.
	 */
	private static void answer(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
		if (notModified(request, page.etag(), page.lastModified(), true)) {
			notModified(response, page.etag(), page.lastModified());
			return;
		}
		write(request, response, page);
	}

	private static void notModified(HttpServletResponse response, String etag, @Nullable Instant lastModified) {
		validators(response, etag, lastModified);
		response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> {
			if (page.pattern() != null && context.getPathPattern() == null) {
				context.setPathPattern(page.pattern());
			}
		});
		response.setStatus(HttpServletResponse.SC_OK);
		validators(response, page.etag(), page.lastModified());
		if (page.contentType() != null) {
			response.setContentType(page.contentType());
		}
		if (page.contentLanguage() != null) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
		}
		if (page.contentDisposition() != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, page.contentDisposition());
		}
		var body = page.body();
		if (page.gzipped() != null && acceptsGzip(request)) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = page.gzipped();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static void validators(HttpServletResponse response, String etag, @Nullable Instant lastModified) {
		response.setHeader(HttpHeaders.ETAG, etag);
		if (lastModified != null) {
			response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader(HttpHeaders.VARY, VARY);
	}

	/**
	 * RFC 9110 13.1.2/13.1.3: If-None-Match (weak comparison) wins; If-Modified-Since only without it. {@code *} and a date
	 * say nothing of which response the client holds, and a conditional applies only to what would be a 200 (13.2.1):
	 * they are taken only where the page is {@code known} to be one (a page of this variant stored or just rendered at
	 * this stamp); a tag of this variant is proof enough.
	 */
	static boolean notModified(HttpServletRequest request, String etag, @Nullable Instant lastModified, boolean known) {
		var noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
		var any = false;
		while (noneMatch.hasMoreElements()) {
			any = true;
			for (var tag : noneMatch.nextElement().split(",")) {
				var candidate = tag.trim();
				if ((candidate.equals("*") && known) || opaque(candidate).equals(opaque(etag))) {
					return true;
				}
			}
		}
		if (any) {
			return false;
		}
		var since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
		if (!known || lastModified == null || since == null || since.length() > 100) {
			return false;
		}
		try {
			var date = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(date);
		}
		catch (DateTimeParseException malformed) {
			return false;
		}
	}

	/** The tag without a weak prefix, or a suffix a proxy's compression added ("-gzip"). */
	private static String opaque(String tag) {
		var bare = tag.startsWith("W/") ? tag.substring(2) : tag;
		return bare.replace("-gzip\"", "\"");
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		var accepted = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (accepted.hasMoreElements()) {
			for (var coding : accepted.nextElement().split(",")) {
				var parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
				if (parts[0].trim().equals("gzip") || parts[0].trim().equals("*")) {
					return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
				}
			}
		}
		return false;
	}

	private static boolean compressible(@Nullable String contentType, byte[] body) {
		if (contentType == null || body.length < MINIMUM_GZIP) {
			return false;
		}
		var type = contentType.toLowerCase(Locale.ROOT);
		return TEXT.stream().anyMatch(type::startsWith) || type.contains("+xml") || type.contains("+json");
	}

	private static byte[] gzip(byte[] body) {
		var out = new ByteArrayOutputStream(body.length / 4 + 64);
		try (var gzip = new GZIPOutputStream(out, 8192)) {
			gzip.write(body);
		}
		catch (IOException cannot) {
			throw new IllegalStateException(cannot);
		}
		return out.toByteArray();
	}

	private static Instant latest(Instant... instants) {
		var latest = Instant.EPOCH;
		for (var instant : instants) {
			latest = instant.isAfter(latest) ? instant : latest;
		}
		return latest.atOffset(ZoneOffset.UTC).toInstant();
	}

	/** How many rendered pages are held (for tests and metrics). */
	long size() {
		return pages == null ? 0 : pages.estimatedSize();
	}

	void clear() {
		if (pages != null) {
			pages.invalidateAll();
		}
	}
}
