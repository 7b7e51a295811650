package org.kurultai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain GET's answer, for tests that read headers and bodies as a feed reader or a calendar client would. */
public record Fetched(int status, String body, HttpResponse<String> response) {

	/** A header's first value, or "" when absent. */
	public String header(String name) {
		return response.headers().firstValue(name).orElse("");
	}

	/** GETs the path on the test server with these headers (name, value, name, value …). */
	public static Fetched get(HttpClient http, int port, String path, String... headers) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Fetched(response.statusCode(), response.body(), response);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
