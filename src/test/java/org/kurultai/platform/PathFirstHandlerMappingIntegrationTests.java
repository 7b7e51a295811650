package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The application's handler look-up tests the path first ({@link PathFirstHandlerMapping}) and finds what Spring's own
 * order finds: for every mapping and every request made from every mapping's paths (its variables filled in), in four
 * methods and two kinds of body and answer, the two tests give the same result.
 */
@IntegrationTest
class PathFirstHandlerMappingIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theApplicationLooksHandlersUpPathFirst() {
		assertThat(mappings).isInstanceOf(PathFirstHandlerMapping.class);
	}

	@Test
	void pathFirstFindsWhatSpringsOrderFindsForEveryMappingAndPath() {
		var lookup = (PathFirstHandlerMapping) mappings;
		var infos = List.copyOf(lookup.getHandlerMethods().keySet());
		var paths = new TreeSet<String>();
		for (var info : infos) {
			for (var pattern : info.getPatternValues()) {
				paths.add(pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "x7"));
			}
		}
		paths.addAll(List.of("/", "/nowhere", "/api/nowhere/x7", "/documents/", "/api/decisions/x7/objections/extra", "/css", "/api/me/",
				"//api/me", "/API/me", "/api/meetings", "/api/%64ecisions/x7/objections", "/api/decisions;v=1/x7/objections",
				"/documents/x7;jsessionid=1", "/api/decisions/x%2F7/objections", "/participants/%4B%41%5A"));
		assertThat(infos).hasSizeGreaterThan(100);

		var matchedInfos = new HashSet<RequestMappingInfo>();
		var differences = new ArrayList<String>();
		int compared = 0;
		for (var path : paths) {
			for (var method : List.of("GET", "POST", "PUT", "DELETE")) {
				for (var media : List.of(new String[] { "application/json", "application/json" },
						new String[] { "application/x-www-form-urlencoded", "text/html" })) {
					var request = request(method, path, media[0], media[1]);
					for (var info : infos) {
						var springs = info.getMatchingCondition(request);
						// as the look-up asks it: with the path as written (the look-up path), and without it
						var pathFirst = lookup.getMatchingMapping(info, request, path);
						var withoutPath = lookup.getMatchingMapping(info, request, null);
						compared++;
						if (!Objects.equals(springs, pathFirst) || !Objects.equals(springs, withoutPath)) {
							differences.add(method + " " + path + " " + media[0] + ": " + info + " → " + springs + " / " + pathFirst);
						}
						if (springs != null) {
							matchedInfos.add(info);
						}
					}
				}
			}
		}
		assertThat(differences).as("of %d comparisons", compared).isEmpty();
		// not vacuous: most mappings were found by a request made from their own path (the rest need headers or
		// parameters of their own, such as a form's button)
		assertThat(matchedInfos.size()).as("mappings some request matched").isGreaterThan(infos.size() * 3 / 4);
	}

	@Test
	void aPatternsLiteralPrefixEndsBeforeItsFirstVariableOrWildcard() {
		assertThat(PathFirstHandlerMapping.prefix("/api/decisions/{id}/objections")).isEqualTo("/api/decisions");
		assertThat(PathFirstHandlerMapping.prefix("/css/**")).isEqualTo("/css");
		assertThat(PathFirstHandlerMapping.prefix("/api/me")).isEqualTo("/api/me");
		assertThat(PathFirstHandlerMapping.prefix("/{*path}")).isEmpty();
		assertThat(PathFirstHandlerMapping.prefix("/files/report-{year}.pdf")).isEqualTo("/files");
		assertThat(PathFirstHandlerMapping.prefix("/")).isEmpty();
	}

	private static MockHttpServletRequest request(String method, String path, String contentType, String accept) {
		var request = new MockHttpServletRequest(method, path);
		request.setContentType(contentType);
		request.addHeader("Content-Type", contentType);
		request.addHeader("Accept", accept);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}
}
