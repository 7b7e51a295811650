package org.kurultai.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live OpenAPI document ({@code /v3/api-docs}) read by independent validators — swagger-parser, and the official
 * OpenAPI 3.1 JSON Schema (test resource {@code openapi/schema-3.1.yaml}) through networknt's json-schema-validator —
 * reports nothing; it names itself for what it holds (reads and writes) and carries a licence a validator accepts.
 */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort int port;

	String document() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
				.header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	static SwaggerParseResult validate(String json) {
		var options = new ParseOptions();
		// what the document says itself, not what a resolver makes of it: no reference leaves the document anyway
		options.setResolve(false);
		return new OpenAPIV3Parser().readContents(json, null, options);
	}

	@Test
	void theValidatorReportsNothing() throws Exception {
		var result = validate(document());

		assertThat(result.getOpenAPI()).as("parsed").isNotNull();
		assertThat(result.getMessages()).as("validation messages").isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
	}

	static List<String> schemaErrors(String json) {
		var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(OpenApiDocumentIntegrationTests.class.getResourceAsStream("/openapi/schema-3.1.yaml"), InputFormat.YAML);
		return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
	}

	@Test
	void theDocumentMatchesTheOfficialOpenApi31Schema() throws Exception {
		var json = document();

		assertThat(schemaErrors(json)).isEmpty();
		// the schema can fail: a document without its info
		assertThat(schemaErrors(json.replaceFirst("\"info\":", "\"x-info\":"))).isNotEmpty();
	}

	@Test
	void itIsTheKurultaiApiWithItsWritesAndALicenceWithAnAddress() throws Exception {
		var api = validate(document()).getOpenAPI();

		assertThat(api.getInfo().getTitle()).isEqualTo("Kurultai API").doesNotContainIgnoringCase("read");
		assertThat(api.getInfo().getLicense().getUrl()).isEqualTo(ApiDocumentation.LICENSE_URL);
		assertThat(api.getInfo().getDescription()).contains("writes", "problem");
		var methods = api.getPaths().values().stream().flatMap(item -> item.readOperationsMap().keySet().stream()).distinct().toList();
		assertThat(methods).as("the document holds writes").extracting(Enum::name).contains("POST", "PATCH", "DELETE");
	}

	@Test
	void theValidatorWouldSeeALicenceWithoutAnAddress() throws Exception {
		// the fault the document had: a licence with a name only. The test above can fail.
		var json = document().replace("\"url\":\"" + ApiDocumentation.LICENSE_URL + "\"", "\"x-url\":\"none\"");
		assertThat(json).doesNotContain(ApiDocumentation.LICENSE_URL);

		List<String> messages = validate(json).getMessages();

		assertThat(messages).isNotEmpty().anySatisfy(message -> assertThat(message).contains("license"));
	}
}
