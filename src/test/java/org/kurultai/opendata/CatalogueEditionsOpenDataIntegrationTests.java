package org.kurultai.opendata;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.CatalogueEdition;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data's Catalogue editions do not reveal a meeting the public may not know: an edition adopted at a meeting open
 * to participants is in {@code /data/catalogue-editions.csv} and {@code .json} without its meeting, as on the Catalogue's
 * page the public reads, while the Secretariat's page names and links it. An adopted edition never changes (a trigger), so
 * it is recorded here as the reference data records one — after every other edition, so as not to change the past — in a
 * transaction rolled back at the end, the files and pages read in that transaction (MockMvc, in this thread): the
 * Catalogue in force stays CICA's for the other tests sharing the database, and nothing read here is kept in a cache.
 */
@IntegrationTest
class CatalogueEditionsOpenDataIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Catalogue catalogue;
	@Autowired TransactionTemplate transactions;
	@Autowired WebApplicationContext context;

	@Test
	void anEditionAdoptedAtAClosedMeetingDoesNotNameItInTheOpenDataNorOnThePublicPage() {
		var api = new Delegations(port, accounts, tokens);
		var secretariat = api.secretariat("cedq");
		var unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
		var created = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Closed session on the Catalogue %s", "from": "%s", "until": "%s", "place": "Baku",
				 "access": "PARTICIPANTS"}""".formatted(unique, clock.today(), clock.today()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var meeting = created.json().get("id").asString();
		var code = "CEDQ-" + unique;
		var mvc = MockMvcBuilders.webAppContextSetup(context).build();

		transactions.executeWithoutResult(tx -> {
			try {
				catalogue.adopt(new CatalogueEdition(code, "Catalogue adopted in closed session " + unique, clock.today().plusYears(25),
						DatePrecision.DAY, "CMFA", meeting, null, Sources.none(), null, catalogue.edition("2024").dimensions()));

				// the public's files: the edition is there, its meeting is not
				var csv = read(mvc, "/data/catalogue-editions.csv");
				var row = csv.lines().filter(line -> line.startsWith(code + ",")).toList();
				assertThat(row).as("the edition is published").hasSize(1);
				assertThat(row.get(0).split(",", -1)[5]).as("its meeting column").isEmpty();
				assertThat(csv).doesNotContain(meeting);
				var json = read(mvc, "/data/catalogue-editions.json");
				var edition = java.util.stream.StreamSupport.stream(JSON.readTree(json).spliterator(), false)
						.filter(node -> node.get("code").asString().equals(code)).toList();
				assertThat(edition).hasSize(1);
				assertThat(edition.get(0).get("meeting").isNull()).as(edition.get(0).toString()).isTrue();
				assertThat(json).doesNotContain(meeting);
				// an edition adopted at a public meeting names it (the column is not simply empty)
				var adoptedInPublic = java.util.stream.StreamSupport.stream(JSON.readTree(json).spliterator(), false)
						.filter(node -> node.get("code").asString().equals("2021")).findFirst().orElseThrow();
				assertThat(adoptedInPublic.get("meeting").isString()).as(adoptedInPublic.toString()).isTrue();
				assertThat(csv).contains("," + adoptedInPublic.get("meeting").asString() + ",");

				// the page the files mirror: the public does not see the meeting, the Secretariat does
				var publicPage = read(mvc, "/catalogue?edition=" + code);
				assertThat(publicPage).contains(code).doesNotContain("/meetings/" + meeting);
				var user = new KurultaiUser(secretariat.account(), null);
				SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
						user.getAuthorities()));
				try {
					assertThat(read(mvc, "/catalogue?edition=" + code)).contains("href=\"/meetings/" + meeting + "\"");
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}
			finally {
				tx.setRollbackOnly();
			}
		});
		assertThat(catalogue.editions()).extracting(CatalogueEdition::code).as("rolled back").doesNotContain(code);
		assertThat(api.file("/data/catalogue-editions.csv", null).body()).doesNotContain(code);
	}

	private static String read(MockMvc mvc, String address) {
		try {
			var accept = address.startsWith("/data/") ? MediaType.ALL : MediaType.TEXT_HTML;
			var response = mvc.perform(MockMvcRequestBuilders.get(address).accept(accept)
					// the security filters are not run here: the page's forms take their token from the request, as they would
					.requestAttr("_csrf", new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test"))).andReturn().getResponse();
			assertThat(response.getStatus()).as(address).isEqualTo(200);
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception failed) {
			throw new AssertionError(failed);
		}
	}
}
