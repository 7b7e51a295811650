package org.kurultai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kurultai.IntegrationTest;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The membership map (issue 14): on each date the shapes marked MEMBER are the registry's member States — 18 on
 * 18 June 2006 (the Republic of Korea the 18th, the day before), 28 on 1 January 2024 — the observer States are marked
 * OBSERVER, every State holding a status has a shape, and a date or year that is not one is refused beside its field
 * (400, what was typed kept), never a 500.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipMapIntegrationTests {

	@LocalServerPort int port;
	@Autowired Registry registry;
	@Autowired ForumClock clock;
	@Autowired MapShapes shapes;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Page(int status, Document html) {

		Set<String> codes(String status) {
			return html.select("#membership-map path[data-status=" + status + "]").stream().map(path -> path.attr("data-code"))
					.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	Page page(String query, String language) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/participants/map" + query))
				.header("Accept", "text/html").header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), Jsoup.parse(response.body()));
	}

	Page page(String query) throws Exception {
		return page(query, "en");
	}

	/** The codes of the States holding that status on that day, as the registry says. */
	Set<String> registryStates(LocalDate day, ParticipantStatus status) {
		return registry.standingsOn(day, status).stream().filter(standing -> standing.kind() == ParticipantKind.STATE)
				.map(standing -> standing.code().value()).collect(Collectors.toCollection(TreeSet::new));
	}

	@ParameterizedTest
	@CsvSource({ "2006-06-18, 18", "2024-01-01, 28" })
	void theShapesMarkedMemberAreTheMemberStatesOfTheDay(LocalDate day, int members) throws Exception {
		var page = page("?asOf=" + day);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#membership-map path[data-status=MEMBER]")).hasSize(members);
		assertThat(registry.roster().census(day).members()).isEqualTo(members);
		assertThat(page.codes("MEMBER")).isEqualTo(registryStates(day, ParticipantStatus.MEMBER));
		assertThat(page.html().select("#map-members").text()).isEqualTo(String.valueOf(members));
		// the same data as a table: one row per State holding a status
		assertThat(page.html().select("#map-table tbody tr[data-code]")).hasSize(registry.standingsOn(day, null).stream()
				.filter(standing -> standing.kind() == ParticipantKind.STATE).toList().size());
		assertThat(page.html().select("#map-table caption").text()).isNotBlank();
		assertThat(page.html().select("#map-table thead th[scope=col]")).hasSize(4);
		assertThat(page.html().select("#map-table tbody th[scope=row]")).hasSize(page.html().select("#map-table tbody tr[data-code]").size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2006-06-18", "2024-01-01", "2001-09-01", "2014-05-20" })
	void everyStateHoldingAStatusHasItsShapeAndTheObserversTheirs(LocalDate day) throws Exception {
		var page = page("?asOf=" + day);

		assertThat(page.codes("OBSERVER")).isEqualTo(registryStates(day, ParticipantStatus.OBSERVER)).isNotEmpty();
		assertThat(page.html().select("#membership-map path[data-status=OBSERVER]")).hasSize(registry.roster().census(day).observerStates());
		var standing = new TreeSet<String>();
		registry.standingsOn(day, null).stream().filter(s -> s.kind() == ParticipantKind.STATE).map(s -> s.code().value()).forEach(standing::add);
		var shown = new TreeSet<String>();
		shown.addAll(page.codes("MEMBER"));
		shown.addAll(page.codes("OBSERVER"));
		assertThat(shown).as("no participating State is missing from the map").isEqualTo(standing);
		assertThat(page.html().select("#map-unmapped")).isEmpty();
		// only States are shapes: the organizations stand in the list beside the map
		var organizations = registry.standingsOn(day, null).stream().filter(s -> s.kind() == ParticipantKind.ORGANIZATION)
				.map(s -> s.code().value()).collect(Collectors.toCollection(TreeSet::new));
		assertThat(page.html().select("#map-organization-list li").eachAttr("data-code")).containsExactlyInAnyOrderElementsOf(organizations);
	}

	@Test
	void eachShapeSaysWhoItIsAndWhatItWas() throws Exception {
		var html = page("?asOf=2006-06-18").html();

		assertThat(html.select("#membership-map path[data-code=USA]").attr("data-status")).isEqualTo("OBSERVER");
		assertThat(html.select("#membership-map path[data-code=AUS]").attr("data-status")).isEqualTo("OBSERVER");
		assertThat(html.select("#membership-map path[data-code=KOR]").attr("data-status")).isEqualTo("MEMBER");
		assertThat(html.select("#membership-map path[data-code=KAZ] > title").text()).isEqualTo("Kazakhstan: member State");
		// a country that takes no part has no status at all
		assertThat(html.select("#membership-map path[data-code=BRA]")).hasSize(1);
		assertThat(html.select("#membership-map path[data-code=BRA]").hasAttr("data-status")).isFalse();
		assertThat(html.select("#membership-map path[data-code=BRA] > title").text()).isEqualTo("Brazil");
		assertThat(html.select("#membership-map").attr("viewBox")).isEqualTo("0 0 " + shapes.width() + " " + shapes.height());
		assertThat(html.select("#membership-map").attr("role")).isEqualTo("img");
		assertThat(html.select("#map-svg-title").text()).contains("18 June 2006");

		var later = page("?asOf=2024-01-01").html();
		assertThat(later.select("#membership-map path[data-code=AUS]").hasAttr("data-status")).isFalse();
		assertThat(later.select("#membership-map path[data-code=SAU]").attr("data-status")).isEqualTo("OBSERVER");
		// Bahrain, too small to see, is marked by a circle drawn over its neighbours; a non-participant as small is not
		var bahrain = later.select("#membership-map path[data-code=BHR]");
		assertThat(bahrain.attr("data-status")).isEqualTo("MEMBER");
		assertThat(bahrain.hasClass("marked")).isTrue();
		assertThat(bahrain.attr("d")).contains("a" + MembershipMap.MARKER_RADIUS + " ");
		assertThat(later.select("#membership-map path.marked").last().attr("data-status")).isNotEmpty();
		assertThat(later.select("#membership-map path[data-code=SGP]").hasClass("marked")).isFalse();
		assertThat(later.select("#membership-map path[data-code=PSE]").attr("data-status")).isEqualTo("MEMBER");
	}

	@Test
	void theMapIsInRussianWithTheRegistrysNames() throws Exception {
		var html = page("?asOf=2024-01-01", "ru").html();

		assertThat(html.select("h1").text()).isEqualTo("Карта участников");
		assertThat(html.select("#membership-map path[data-code=KAZ] > title").text()).isEqualTo("Казахстан: государство-член");
		assertThat(html.select("#membership-map path[data-code=BRA] > title").text()).isEqualTo("Бразилия");
		assertThat(html.select("#map-table caption").text()).isEqualTo("Государства на карте на 1 января 2024");
	}

	@Test
	void aYearOfTheSliderShowsItsLastDayAndTheCurrentYearToday() throws Exception {
		var page = page("?year=2006");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#map-heading time").attr("datetime")).isEqualTo("2006-12-31");
		assertThat(page.html().select("#membership-map path[data-status=MEMBER]")).hasSize(registry.roster().census(LocalDate.of(2006, 12, 31)).members());
		assertThat(page.html().select("#year").attr("value")).isEqualTo("2006");

		var today = clock.today();
		var current = page("?year=" + today.getYear());
		assertThat(current.html().select("#map-heading time").attr("datetime")).isEqualTo(today.toString());
		assertThat(current.html().select("#year").attr("max")).isEqualTo(String.valueOf(today.getYear()));
		assertThat(current.html().select("#year").attr("min")).isEqualTo("1999");

		var none = page("");
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.html().select("#map-heading time").attr("datetime")).isEqualTo(today.toString());
		assertThat(none.html().select("#membership-map path[data-status=MEMBER]")).hasSize(registry.roster().census(today).members());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-13-45", "yesterday", "2024-02-30", "99999-01-01", "+10000-01-01", "0000-01-01", "-0001-12-31",
			"2006-06-18'", "2006-06-18,2024-01-01" })
	void aDateThatIsNotOneIsRefusedBesideItsFieldWithWhatWasTyped(String typed) throws Exception {
		var page = page("?asOf=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html().select("#error-map-date-asOf").text()).contains(typed);
		assertThat(page.html().select("#asOf").attr("value")).isEqualTo(typed);
		assertThat(page.html().select("#asOf").attr("type")).isEqualTo("text");
		assertThat(page.html().select("#asOf").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.html().select("#error-map-year-year")).isEmpty();
		// the page still shows today's map
		assertThat(page.html().select("#map-heading time").attr("datetime")).isEqualTo(clock.today().toString());
		assertThat(page.html().select("#membership-map path[data-status=MEMBER]")).isNotEmpty();
	}

	@Test
	void aRefusedDateIsSaidInRussian() throws Exception {
		var page = page("?asOf=2024-13-45", "ru");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html().select("#error-map-date-asOf").text()).isEqualTo("«2024-13-45» не является датой: укажите её в виде ГГГГ-ММ-ДД, например 2006-06-18.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-5", "10000", "2006.5", "99999999999999999999" })
	void aYearThatIsNotOneIsRefusedBesideTheSlider(String typed) throws Exception {
		var page = page("?year=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html().select("#error-map-year-year").text()).contains(typed);
		assertThat(page.html().select("#year").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.html().select("#error-map-date-asOf")).isEmpty();
	}

	@Test
	void beforeTheFirstStatusTheMapIsEmptyAndSaysWhy() throws Exception {
		var page = page("?asOf=1995-01-01");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#membership-map path[data-status]")).isEmpty();
		assertThat(page.html().select("#membership-map path")).hasSize(shapes.all().size());
		assertThat(page.html().select("#map-before-first").text()).contains("14 September 1999");
		assertThat(page.html().select("#map-table tbody td").text()).isEqualTo("No State held a status on this date.");
		assertThat(page.html().select("#year").attr("value")).isEqualTo("1999");

		var first = page("?asOf=0001-01-01");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.html().select("#membership-map path[data-status]")).isEmpty();
	}

	@Test
	void aDateStillToComeShowsTheStatusesRecordedTodayAndSaysSo() throws Exception {
		var today = clock.today();
		var page = page("?asOf=9999-12-31");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#map-future").text()).isNotBlank();
		assertThat(page.html().select("#membership-map path[data-status=MEMBER]")).hasSize(registry.roster().census(LocalDate.of(9999, 12, 31)).members());
		assertThat(page.html().select("#year").attr("value")).isEqualTo(String.valueOf(today.getYear()));
		assertThat(page("?asOf=" + today).html().select("#map-future")).isEmpty();
	}

	@Test
	void theParticipantsPageLinksToTheMapOnItsDate() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/participants?asOf=2006-06-18"))
				.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(Jsoup.parse(response.body()).select("#participants-map-link").attr("href")).isEqualTo("/participants/map?asOf=2006-06-18");
	}

	@Test
	void everyStateThatEverTookPartHasAShape() {
		var iso = java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3);
		var states = registry.roster().participants().stream().filter(p -> p.kind() == ParticipantKind.STATE)
				.filter(p -> !p.periods().isEmpty()).map(p -> p.code().value())
				// States made by other test classes have codes no country has (QZA, XYZ…): the reference data's are ISO 3166-1 codes
				.filter(iso::contains).toList();
		assertThat(states).as("the CICA States of the reference data").hasSizeGreaterThanOrEqualTo(40).contains("PSE", "BHR", "QAT", "KOR", "USA");
		assertThat(states.stream().filter(code -> shapes.of(code) == null)).isEmpty();
	}
}
