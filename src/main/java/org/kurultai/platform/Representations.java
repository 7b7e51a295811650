package org.kurultai.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The HTTP validators of what a reader is given, taken from what they are given and nothing else: the {@code ETag} is a
 * hash of the representation's bytes (and of its media type and language), {@code Last-Modified} the time those bytes
 * last changed. A change the reader cannot see — a draft the public may not read, another area's work — moves the data
 * versions ({@link DataVersions}), so the representation is made again, but gives the same bytes: the same tag and the
 * same date, and a reader polling with {@code If-None-Match} learns nothing of it.
 *
 * <p>For each variant (an address, a language, an {@code Accept} …, named by the caller) this remembers the validators
 * of the bytes it was last made with and the data versions it was made at ({@link #current}), so that a request at the
 * same versions is answered {@code 304} without making anything. New bytes take the time their making began (taken
 * before anything was read, so never later than the data they show), and always a later one than the bytes before; the
 * same bytes keep their date. Held in memory, bounded: a variant forgotten (or another instance, or a restart) takes a
 * new date the next time it is made, never an older one than its data.
 */
@Component
public class Representations {

	/** The validators of one variant's bytes, and the data versions (and whatever else they depend on) they were made at. */
	public record Validators(String etag, Instant changedAt, String stamp) {

		/**
		 * The date a response carries (whole seconds), or null while the second of the change is not over: bytes changed
		 * again within the same second would carry the same date, and a client's {@code If-Modified-Since} would then be
		 * answered {@code 304} over them. Without a date the tag alone validates (every browser sends it).
		 */
		public @Nullable Instant lastModified(Instant now) {
			return Representations.lastModified(changedAt, now);
		}
	}

	/** The date of bytes that changed then, as a response carries it now: null while that second is not over. */
	public static @Nullable Instant lastModified(Instant changedAt, Instant now) {
		var date = changedAt.truncatedTo(ChronoUnit.SECONDS);
		return now.truncatedTo(ChronoUnit.SECONDS).isAfter(date) ? date : null;
	}

	private final ForumClock clock;

	/** By variant; weighed by the key, which the reader chooses (an address with its query). */
	private final Cache<String, Validators> known = Caffeine.newBuilder().maximumWeight(8L * 1024 * 1024)
			.<String, Validators>weigher((variant, validators) -> 2 * variant.length() + 200).build();

	public Representations(ForumClock clock) {
		this.clock = clock;
	}

	/** The forum's time, for {@link Validators#lastModified}. */
	public Instant now() {
		return clock.now();
	}

	/** The validators of the variant if it was last made at this stamp (the same data versions): no need to make it again. */
	public @Nullable Validators current(String variant, String stamp) {
		var validators = known.getIfPresent(variant);
		return validators != null && validators.stamp().equals(stamp) ? validators : null;
	}

	/**
	 * The validators of the bytes just made for a variant at a stamp: the tag of the bytes; the date of the bytes before if
	 * they are the same, else {@code began} (when the making began), and later than the date before in any case.
	 */
	public Validators made(String variant, String stamp, Instant began, byte[] body, @Nullable String... describedBy) {
		var etag = etag(body, describedBy);
		return known.asMap().compute(variant, (key, before) -> {
			if (before == null) {
				return new Validators(etag, began, stamp);
			}
			if (before.etag().equals(etag)) {
				return new Validators(etag, before.changedAt(), stamp);
			}
			var after = began.isAfter(before.changedAt()) ? began : before.changedAt().plusMillis(1);
			return new Validators(etag, after, stamp);
		});
	}

	/**
	 * A weak entity tag of these bytes and what describes them (media type, language, disposition): 128 bits of their
	 * SHA-256, so that equal bytes get equal tags on every instance. Weak: the same tag for the gzipped and plain forms.
	 */
	public static String etag(byte[] body, @Nullable String... describedBy) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (var part : describedBy) {
				digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			digest.update(body);
			var hash = digest.digest();
			return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

	/**
	 * Whether a request for a representation that exists (a 200 the caller is about to give, with these validators) is
	 * answered {@code 304} (RFC 9110 13.1.2, 13.1.3, 13.2.2): {@code If-None-Match} decides when it is there — {@code *}
	 * matches any current representation, a tag by weak comparison; {@code If-Modified-Since} only without it, and only
	 * against a date the response would carry.
	 */
	public static boolean notModified(HttpServletRequest request, String etag, @Nullable Instant lastModified) {
		var noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
		var any = false;
		while (noneMatch.hasMoreElements()) {
			any = true;
			for (var tag : noneMatch.nextElement().split(",")) {
				var candidate = tag.trim();
				if (candidate.equals("*") || opaque(candidate).equals(opaque(etag))) {
					return true;
				}
			}
		}
		if (any) {
			return false;
		}
		var since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
		if (lastModified == null || since == null || since.length() > 100) {
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
}
