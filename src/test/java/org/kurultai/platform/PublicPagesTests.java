package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The conditional requests {@link PublicPages} answers with a 304 (RFC 9110 13.1). */
class PublicPagesTests {

	private static final String TAG = "W/\"1.2.3-abc\"";

	private static MockHttpServletRequest request(String header, String value) {
		var request = new MockHttpServletRequest("GET", "/documents");
		request.addHeader(header, value);
		return request;
	}

	@Test
	void aDateOrAnyTagCountsOnlyForAPageKnownToBeA200() {
		var at = Instant.parse("2026-11-30T12:00:00Z");
		assertThat(PublicPages.notModified(request("If-Modified-Since", "Mon, 30 Nov 2026 12:00:20 GMT"), TAG, at, false)).isFalse();
		assertThat(PublicPages.notModified(request("If-None-Match", "*"), TAG, at, false)).isFalse();
		assertThat(PublicPages.notModified(request("If-None-Match", "*"), TAG, at, true)).isTrue();
		assertThat(PublicPages.notModified(request("If-None-Match", "\"other\", \"1.2.3-abc\""), TAG, at, false)).as("its own tag").isTrue();
		assertThat(PublicPages.notModified(request("If-None-Match", "\"other\""), TAG, at, true)).isFalse();
	}
}
