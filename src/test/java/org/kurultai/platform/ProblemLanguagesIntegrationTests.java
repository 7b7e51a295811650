package org.kurultai.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API refuses in the requester's language: title and detail in Russian or English (the cookie
 * {@code kurultai-language}, else {@code Accept-Language}, else English), said by {@code Content-Language};
 * the problem's {@code type} is the same in both.
 */
@IntegrationTest
class ProblemLanguagesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort int port;

	record Answer(int status, String contentType, String language, JsonNode body) {
	}

	Answer get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
				.timeout(Duration.ofSeconds(60)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Content-Language").orElse(""), JSON.readTree(response.body()));
	}

	@Test
	void aBadRequestIsRefusedInRussianWhenAskedInRussian() throws Exception {
		var russian = get("/api/participants?status=CHAIR", "Accept-Language", "ru");
		var english = get("/api/participants?status=CHAIR", "Accept-Language", "en");
		var unsaid = get("/api/participants?status=CHAIR");

		assertThat(russian.status()).isEqualTo(400);
		assertThat(russian.contentType()).startsWith("application/problem+json");
		assertThat(russian.language()).isEqualTo("ru");
		assertThat(russian.body().get("title").asString()).isEqualTo("Недопустимый параметр");
		assertThat(russian.body().get("detail").asString()).isEqualTo("Неизвестный статус «CHAIR»; ожидается MEMBER, OBSERVER или PARTNER.");
		assertThat(russian.body().get("parameter").asString()).isEqualTo("status");

		for (var answer : new Answer[] { english, unsaid }) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.language()).isEqualTo("en");
			assertThat(answer.body().get("title").asString()).isEqualTo("Invalid parameter");
			assertThat(answer.body().get("detail").asString()).isEqualTo("Unknown status 'CHAIR'; expected MEMBER, OBSERVER or PARTNER.");
			assertThat(answer.body().get("parameter").asString()).isEqualTo("status");
			assertThat(answer.body().get("type").asString()).isEqualTo(russian.body().get("type").asString())
					.isEqualTo("https://kurultai.org/problems/invalid-parameter");
		}
	}

	@Test
	void theChosenLanguageOutweighsTheBrowsersAndAnUnknownOneIsEnglish() throws Exception {
		var chosen = get("/api/participants?status=CHAIR", "Cookie", "kurultai-language=ru", "Accept-Language", "en");
		assertThat(chosen.language()).isEqualTo("ru");
		assertThat(chosen.body().get("detail").asString()).startsWith("Неизвестный статус");

		var other = get("/api/participants?status=CHAIR", "Accept-Language", "fr-FR, de;q=0.5");
		assertThat(other.language()).isEqualTo("en");
		assertThat(other.body().get("detail").asString()).startsWith("Unknown status");
	}

	@Test
	void anUnknownParticipantIsNotFoundInRussian() throws Exception {
		var russian = get("/api/participants/ZZZ", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8");
		var english = get("/api/participants/ZZZ", "Accept-Language", "en-GB");

		assertThat(russian.status()).isEqualTo(404);
		assertThat(russian.language()).isEqualTo("ru");
		assertThat(russian.body().get("title").asString()).isEqualTo("Не найдено");
		assertThat(russian.body().get("detail").asString()).isEqualTo("Участник «ZZZ» не найден");
		assertThat(english.status()).isEqualTo(404);
		assertThat(english.body().get("title").asString()).isEqualTo("Not found");
		assertThat(english.body().get("detail").asString()).isEqualTo("No participant 'ZZZ'");
		assertThat(russian.body().get("type").asString()).isEqualTo(english.body().get("type").asString())
				.isEqualTo("https://kurultai.org/problems/not-found");
	}

	@Test
	void theFrameworksOwnRefusalsAndAMalformedQueryAreInRussianToo() throws Exception {
		var date = get("/api/participants/counts?asOf=1999/09/14", "Accept-Language", "ru");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.language()).isEqualTo("ru");
		assertThat(date.body().get("detail").asString()).isEqualTo("Параметр «asOf» должен быть датой в формате ГГГГ-ММ-ДД; получено «1999/09/14».");

		var missing = get("/api/participants/changes?from=2020-01-01", "Accept-Language", "ru");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.language()).isEqualTo("ru");
		assertThat(missing.body().get("title").asString()).isEqualTo("Некорректный запрос");
		assertThat(missing.body().get("detail").asString()).isEqualTo("Отсутствует обязательный параметр «to».");

		// a query no client library would send, written byte for byte (the Accept line carries the language too)
		var malformed = new RawHttp(port).send("GET", "/api/participants?status=%ZZ", null, null, null,
				"application/json\r\nAccept-Language: ru");
		assertThat(malformed.status()).isEqualTo(400);
		var body = JSON.readTree(malformed.body());
		assertThat(body.get("type").asString()).isEqualTo("https://kurultai.org/problems/malformed-query");
		assertThat(body.get("title").asString()).isEqualTo("Некорректный запрос");
		assertThat(body.get("detail").asString()).startsWith("Не удалось прочитать строку запроса");

		var unsigned = get("/api/me/tokens", "Accept-Language", "ru");
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(unsigned.language()).isEqualTo("ru");
		assertThat(unsigned.body().get("detail").asString()).isEqualTo("Чтобы сделать это, войдите в систему или передайте действительный токен API.");
	}
}
