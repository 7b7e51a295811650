package org.kurultai.feeds;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import org.kurultai.platform.DataVersions;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * What the feeds and the sitemap share: the site's public address ({@code kurultai.public-url}), from which every
 * address they write and the authority of the entries' {@code tag:} ids (RFC 4151) are taken, and their validators —
 * an entity tag and a date from the {@link DataVersions data versions} of the areas they show, the build (a new build
 * may write the same data differently), the forum's day (the timeline holds what happened up to today) and the variant.
 */
@Component
public class FeedPublisher {

	/** The year of the tag ids' authority: fixed, so that an id never changes. */
	static final String TAG_YEAR = "2026";

	private final DataVersions versions;
	private final ForumClock clock;
	private final String publicUrl;
	private final String authority;
	private final Instant builtAt;

	FeedPublisher(DataVersions versions, ForumClock clock, ObjectProvider<BuildProperties> build,
			@Value("${kurultai.public-url:http://localhost:8080}") String publicUrl) {
		this.versions = versions;
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

	/** Validators of what is written from these areas, for one variant (feed, language). */
	public record Validators(String etag, Instant lastModified, boolean settled) {

		/** The date a response carries, or -1 (none) while the last change's second is not over (DataVersions.Stamp). */
		public long httpLastModified() {
			return settled ? lastModified.toEpochMilli() : -1;
		}

		/** Sets {@code Last-Modified}, unless the last change's second is not over (then the entity tag alone validates). */
		public void date(org.springframework.http.HttpHeaders headers) {
			if (settled) {
				headers.setLastModified(lastModified);
			}
		}
	}

	public Validators validators(String variant, Area... areas) {
		var stamp = versions.stamp(areas);
		var etag = stamp.etag(variant + "|" + builtAt.toEpochMilli() + "|" + clock.today() + "|" + publicUrl);
		// the day is in the tag: the date may not be older than its start either
		var lastModified = latest(stamp.lastModified(), builtAt, clock.today().atStartOfDay(clock.zone()).toInstant());
		return new Validators(etag, lastModified, stamp.settled());
	}

	private static Instant latest(Instant... instants) {
		var latest = Instant.EPOCH;
		for (var instant : instants) {
			latest = instant.isAfter(latest) ? instant : latest;
		}
		return latest;
	}
}
