package org.kurultai.feeds;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.kurultai.platform.DataVersions;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.platform.Representations;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the feeds and the sitemap share: the site's public address ({@code kurultai.public-url}), from which every
 * address they write and the authority of the entries' {@code tag:} ids (RFC 4151) are taken, and their answers: each
 * written again when the {@link DataVersions data versions} of the areas it shows, the build or the forum's day (the
 * timeline holds what happened up to today) moved, and validated by its own bytes ({@link Representations}).
 */
@Component
public class FeedPublisher {

	/** The year of the tag ids' authority: fixed, so that an id never changes. */
	static final String TAG_YEAR = "2026";

	/** A feed's text as last written, by variant, with its tag. */
	private record Written(String text, String etag) {
	}

	private final DataVersions versions;
	private final Representations representations;
	private final ForumClock clock;
	private final String publicUrl;
	private final String authority;
	private final Instant builtAt;
	private final Cache<String, Written> written = Caffeine.newBuilder().maximumSize(64).expireAfterAccess(Duration.ofHours(6)).build();

	FeedPublisher(DataVersions versions, Representations representations, ForumClock clock, ObjectProvider<BuildProperties> build,
			@Value("${kurultai.public-url:http://localhost:8080}") String publicUrl) {
		this.versions = versions;
		this.representations = representations;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		var host = URI.create(this.publicUrl).getHost();
		this.authority = host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
		var properties = build.getIfAvailable();
		this.builtAt = properties != null && properties.getTime() != null ? properties.getTime()
				: Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
	}

	/** The site's address without a trailing slash ("https://kurultai.example"). */
	public String publicUrl() {
		return publicUrl;
	}

	/** An address within Kurultai made absolute. */
	public String absolute(String path) {
		return publicUrl + path;
	}

	/** A tag URI naming something of this site for good: {@code tag:kurultai.example,2026:decision:42}. */
	public String tag(String specific) {
		return "tag:" + authority + "," + TAG_YEAR + ":" + specific;
	}

	/**
	 * What a feed answers: its text, or none for a {@code 304}, with the validators of its bytes ({@link Representations}:
	 * the tag of the bytes, the date they last changed — never moved by a change the feed does not show).
	 */
	public record Answer(@Nullable String body, String etag, @Nullable Instant lastModified) {

		/** A 200 with the validators, or a 304 with them. */
		public ResponseEntity.BodyBuilder builder() {
			var builder = ResponseEntity.status(body == null ? HttpStatus.NOT_MODIFIED : HttpStatus.OK).eTag(etag);
			if (lastModified != null) {
				builder.lastModified(lastModified);
			}
			return builder;
		}
	}

	/**
	 * The answer to a request for one variant (feed, language, address) written from these areas (all when none are named):
	 * written once per version of their data, build and forum's day, and kept; a {@code 304} when the request's
	 * {@code If-None-Match} holds its tag or {@code *}, or its date is not older (RFC 9110 13.1), without writing it again
	 * when it is current.
	 */
	public Answer answer(HttpServletRequest request, String variant, Area[] areas, String mediaType, Supplier<String> write) {
		var began = clock.now();
		var key = "feed|" + variant + "|" + mediaType;
		var stamp = versions.stamp(areas).tag() + "|" + builtAt.toEpochMilli() + "|" + clock.today() + "|" + publicUrl;
		var known = representations.current(key, stamp);
		if (known != null) {
			var lastModified = known.lastModified(began);
			if (Representations.notModified(request, known.etag(), lastModified)) {
				return new Answer(null, known.etag(), lastModified);
			}
			var kept = written.getIfPresent(key);
			if (kept != null && kept.etag().equals(known.etag())) {
				return new Answer(kept.text(), kept.etag(), lastModified);
			}
		}
		var text = write.get();
		var validators = representations.made(key, stamp, began, text.getBytes(StandardCharsets.UTF_8), mediaType);
		written.put(key, new Written(text, validators.etag()));
		var lastModified = validators.lastModified(clock.now());
		return new Answer(Representations.notModified(request, validators.etag(), lastModified) ? null : text, validators.etag(),
				lastModified);
	}

	/** When this build was made (an empty feed's date: nothing it shows ever changed). */
	public Instant builtAt() {
		return builtAt;
	}

}
