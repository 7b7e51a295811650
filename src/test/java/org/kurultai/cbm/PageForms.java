package org.kurultai.cbm;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.kurultai.Delegations.Actor;

/**
 * The CBM pages as a browser sends and reads them, over HTTP: a form posted (as the actor, with their token,
 * so without a session's CSRF token) and a page asked for in a language; the answer parsed as HTML.
 */
final class PageForms {

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	PageForms(int port) {
		this.port = port;
	}

	record Answer(int status, Document page, @Nullable String location) {
	}

	/** A form posted as the actor; the answer as it came (a redirect is not followed). */
	Answer post(String path, Actor actor, Map<String, String> fields) {
		var body = fields.entrySet().stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + actor.token())
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A page as a person whose browser asks for that language. */
	Answer page(String path, @Nullable Actor actor, String language) {
		var request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("Accept-Language", language).GET();
		if (actor != null) {
			request.header("Authorization", "Bearer " + actor.token());
		}
		return send(request);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), Jsoup.parse(response.body()), response.headers().firstValue("Location").orElse(null));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
