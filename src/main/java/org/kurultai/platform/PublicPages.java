package org.kurultai.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>An anonymous {@code GET} (nobody signed in, no session) of a page or an API read is answered with validators of what
 * it is given ({@link Representations}): a weak {@code ETag} that is a hash of the variant's bytes (with their media type
 * and language) and a {@code Last-Modified} that is when those bytes last changed. The variant is the host, the address
 * with its query, the language, every {@code Accept} line and htmx's {@code HX-Request}; it is rendered again when the
 * {@link DataVersions data versions} of the public record's areas (all but {@link Area#IDENTITY}), the build or the
 * forum's minute (pages say "today" and whether a deadline has passed) moved since it was last rendered, and a
 * rendering that gives the same bytes keeps the tag and the date: work on a record the public may not see changes
 * nothing the public can observe. While a variant is current (rendered at these versions and minute, a 200), a request
 * whose {@code If-None-Match} holds its tag or {@code *}, or whose {@code If-Modified-Since} is not older than its date,
 * gets {@code 304 Not Modified} before anything is read or rendered; otherwise the conditional is evaluated once the
 * page is rendered and known to be a 200, so a 404 or a refusal never becomes a 304.
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

	/** One rendered response of a variant: its bytes (and their gzip) and the validators of those bytes. */
	record Page(String etag, Instant changedAt, byte[] body, byte @Nullable [] gzipped, @Nullable String contentType,
			@Nullable String contentLanguage, @Nullable String contentDisposition, @Nullable String pattern) {

		int weight() {
			return 200 + body.length + (gzipped == null ? 0 : gzipped.length);
		}
	}

	private final DataVersions versions;

	private final Representations representations;

	private final LocaleResolver languages;

	private final ForumClock clock;

	private final String build;

	private final @Nullable Cache<String, Page> pages;

	private final ConcurrentHashMap<String, CompletableFuture<@Nullable Page>> inFlight = new ConcurrentHashMap<>();

	private final AtomicLong renderings = new AtomicLong();

	PublicPages(DataVersions versions, Representations representations, LocaleResolver languages, ForumClock clock,
			@Nullable BuildProperties build, DataSize maxSize) {
		this.versions = versions;
		this.representations = representations;
		this.languages = languages;
		this.clock = clock;
		// a new build may render the same data differently: its pages are rendered again (their tags are of their bytes)
		var builtAt = build != null && build.getTime() != null ? build.getTime()
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
		var stamp = versions.stamp(PUBLIC_RECORD).tag() + "|" + build + "|" + minute.getEpochSecond();
		var known = representations.current(variant, stamp);
		if (known != null) {
			// rendered at these very versions and minute, and a 200 (only those are remembered): a 304 or the stored bytes
			if (Representations.notModified(request, known.etag(), known.lastModified(now))) {
				notModified(response, known.etag(), known.lastModified(now));
				return;
			}
			@Nullable Page page = pages == null ? null : pages.getIfPresent(variant);
			if (page != null && page.etag().equals(known.etag())) {
				answer(request, response, page, now);
				return;
			}
		}
		// one rendering per variant and stamp at a time: the readers who come meanwhile wait for it instead of rendering too
		var rendering = new CompletableFuture<@Nullable Page>();
		var flight = variant + "|" + stamp;
		var earlier = pages == null ? null : inFlight.putIfAbsent(flight, rendering);
		if (earlier != null) {
			var shared = awaited(earlier);
			if (shared != null) {
				answer(request, response, shared, clock.now());
				return;
			}
		}
		Page fresh = null;
		try {
			fresh = render(request, response, chain, variant, stamp, now);
		}
		finally {
			if (earlier == null && pages != null) {
				inFlight.remove(flight, rendering);
				rendering.complete(fresh);
			}
		}
	}

	private @Nullable Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String variant,
			String stamp, Instant began) throws IOException, ServletException {
		renderings.incrementAndGet();
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
		var contentLanguage = contentLanguage(rendered, contentType);
		var contentDisposition = rendered.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		// the validators of these bytes: the same bytes as before keep their tag and their date
		var validators = representations.made(variant, stamp, began, body, contentType, contentLanguage, contentDisposition);
		var page = new Page(validators.etag(), validators.changedAt(), body, compressible(contentType, body) ? gzip(body) : null,
				contentType, contentLanguage, contentDisposition,
				request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern ? pattern : null);
		if (pages != null) {
			pages.put(variant, page);
		}
		// what the handler wrote is replaced by the page as stored (validators, and its gzip when the client takes it)
		rendered.resetBuffer();
		answer(request, response, page, clock.now());
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

	/** A page of this variant, a 200: a 304 if the request's tag, {@code *} or date says the client has its bytes, else the page. */
	private static void answer(HttpServletRequest request, HttpServletResponse response, Page page, Instant now) throws IOException {
		var lastModified = Representations.lastModified(page.changedAt(), now);
		if (Representations.notModified(request, page.etag(), lastModified)) {
			notModified(response, page.etag(), lastModified);
			return;
		}
		write(request, response, page, lastModified);
	}

	private static void notModified(HttpServletResponse response, String etag, @Nullable Instant lastModified) {
		validators(response, etag, lastModified);
		response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, Page page, @Nullable Instant lastModified)
			throws IOException {
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> {
			if (page.pattern() != null && context.getPathPattern() == null) {
				context.setPathPattern(page.pattern());
			}
		});
		response.setStatus(HttpServletResponse.SC_OK);
		validators(response, page.etag(), lastModified);
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

	/** How many rendered pages are held (for tests and metrics). */
	long size() {
		return pages == null ? 0 : pages.estimatedSize();
	}

	/** How many public reads were rendered (passed to the application) since the start (for tests and metrics). */
	long renderings() {
		return renderings.get();
	}

	void clear() {
		if (pages != null) {
			pages.invalidateAll();
		}
	}
}
