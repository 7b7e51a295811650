package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.ForumClock;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The conditional requests {@link PublicPages}, the feeds and the open data answer with a 304 (RFC 9110 13.1), and the
 * validators {@link Representations} gives bytes: of the bytes only, the date moving only when they do.
 */
class PublicPagesTests {

	private static final String TAG = "W/\"1.2.3-abc\"";

	private static MockHttpServletRequest request(String header, String value) {
		var request = new MockHttpServletRequest("GET", "/documents");
		request.addHeader(header, value);
		return request;
	}

	@Test
	void aTagInTheListAnyTagOrANotOlderDateMatchesACurrentRepresentation() {
		var at = Instant.parse("2026-11-30T12:00:00Z");
		assertThat(Representations.notModified(request("If-Modified-Since", "Mon, 30 Nov 2026 12:00:20 GMT"), TAG, at)).isTrue();
		assertThat(Representations.notModified(request("If-Modified-Since", "Mon, 30 Nov 2026 11:59:59 GMT"), TAG, at)).isFalse();
		assertThat(Representations.notModified(request("If-Modified-Since", "Mon, 30 Nov 2026 12:00:20 GMT"), TAG, null))
				.as("no date given: none to compare").isFalse();
		assertThat(Representations.notModified(request("If-None-Match", "*"), TAG, at)).isTrue();
		assertThat(Representations.notModified(request("If-None-Match", "\"other\", \"1.2.3-abc\""), TAG, at)).as("its own tag").isTrue();
		assertThat(Representations.notModified(request("If-None-Match", "\"1.2.3-abc-gzip\""), TAG, at)).as("a proxy's gzip suffix").isTrue();
		assertThat(Representations.notModified(request("If-None-Match", "\"other\""), TAG, at)).isFalse();
		var both = request("If-None-Match", "\"other\"");
		both.addHeader("If-Modified-Since", "Mon, 30 Nov 2026 12:00:20 GMT");
		assertThat(Representations.notModified(both, TAG, at)).as("If-None-Match wins over the date").isFalse();
	}

	@Test
	void theSameBytesKeepTheirTagAndDateAndOtherBytesGetALaterOne() {
		var now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00.400Z"));
		var clock = new ForumClock(new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		});
		var representations = new Representations(clock);
		var page = "page one".getBytes(StandardCharsets.UTF_8);
		var first = representations.made("v", "s1", now.get(), page, "text/html", "en");
		assertThat(first.lastModified(now.get())).as("no date while its second is not over").isNull();
		assertThat(first.lastModified(now.get().plusMillis(600))).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
		assertThat(representations.current("v", "s1")).isEqualTo(first);
		assertThat(representations.current("v", "s2")).as("made at other versions: made again").isNull();

		// the data versions moved (a hidden change) but the bytes did not: the same tag and date
		now.set(now.get().plus(Duration.ofMinutes(5)));
		var same = representations.made("v", "s2", now.get(), page.clone(), "text/html", "en");
		assertThat(same.etag()).isEqualTo(first.etag());
		assertThat(same.changedAt()).isEqualTo(first.changedAt());
		assertThat(representations.current("v", "s2")).isEqualTo(same);

		// other bytes, another language or another media type: another tag; new bytes a later date
		assertThat(Representations.etag(page, "text/html", "ru")).isNotEqualTo(first.etag());
		assertThat(Representations.etag(page, "application/json", "en")).isNotEqualTo(first.etag());
		var changed = representations.made("v", "s3", now.get(), "page two".getBytes(StandardCharsets.UTF_8), "text/html", "en");
		assertThat(changed.etag()).isNotEqualTo(first.etag());
		assertThat(changed.changedAt()).isEqualTo(now.get());
		// made from a reading older than the date before (renderings overlapping): still later
		var older = representations.made("v", "s4", first.changedAt(), "page three".getBytes(StandardCharsets.UTF_8), "text/html", "en");
		assertThat(older.changedAt()).isAfter(changed.changedAt());
	}
}
