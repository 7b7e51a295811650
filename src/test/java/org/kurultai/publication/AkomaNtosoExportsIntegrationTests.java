package org.kurultai.publication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Akoma Ntoso exports the application serves — every adopted document with a text that the public may see, in
 * every language it holds — validate against the OASIS Akoma Ntoso 3.0 schema.
 */
@IntegrationTest
class AkomaNtosoExportsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort int port;

	HttpResponse<byte[]> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
				.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void everyServedExportValidates() throws Exception {
		var list = JSON.readTree(get("/api/documents?status=ADOPTED", "application/json").body());
		var validated = new ArrayList<String>();
		for (var document : list) {
			if (!document.get("hasText").asBoolean()) {
				continue;
			}
			for (var language : document.get("languages")) {
				var path = "/api/documents/" + document.get("id").asString() + "/akn?language=" + language.asString();
				var export = get(path, AkomaNtoso.MEDIA_TYPE);
				if (export.statusCode() == 404) {
					// a language the document lists but holds no text in: refused, never another language's text
					continue;
				}
				assertThat(export.statusCode()).as(path).isEqualTo(200);
				assertThat(AkomaNtosoSchema.problems(export.body())).as(path).isEmpty();
				validated.add(path);
			}
		}
		assertThat(validated).as("exports validated").contains("/api/documents/DECLARATION-2006/akn?language=en");
	}
}
