package org.kurultai.identity;

import java.util.List;

import org.springframework.http.HttpMethod;

import static org.kurultai.identity.Role.DELEGATE;
import static org.kurultai.identity.Role.NATIONAL_COORDINATOR;
import static org.kurultai.identity.Role.SECRETARIAT_ADMINISTRATOR;
import static org.kurultai.identity.Role.SECRETARIAT_OFFICER;
import static org.kurultai.identity.RouteRule.only;
import static org.kurultai.identity.RouteRule.publicly;
import static org.kurultai.identity.RouteRule.signedIn;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The route table's access rules, in one place. The security filter chain is built from it and
 * denies every route it does not name; a test compares it with the application's actual routes,
 * so a new endpoint without a rule fails the build. Finer rules (which participant's records) live
 * in the domain and in {@link AccessPolicy}.
 */
public final class RouteRules {

	private RouteRules() {
	}

	public static final List<RouteRule> ALL = List.of(
			// the public portal and read API
			publicly(GET, "/"), publicly(GET, "/participants"), publicly(GET, "/participants/map"), publicly(GET, "/participants/{code}"),
			publicly(GET, "/changes"),
			publicly(GET, "/bodies"), publicly(GET, "/bodies/{code}"), publicly(GET, "/chairmanship"), publicly(GET, "/meetings"),
			// convening a meeting (before /meetings/{id}, which would take "new" for an id): the Secretariat, the chairing State's
			// coordinator for the bodies it chairs (meetings.MeetingPolicy decides)
			only(GET, "/meetings/new", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/meetings/new", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			publicly(GET, "/meetings/{id}"), publicly(GET, "/meetings/{id}/agenda"), publicly(GET, "/api/meetings/{id}/agenda"),
			publicly(GET, "/timeline"), publicly(GET, "/sources"), publicly(GET, "/login"),
			publicly(POST, "/language"),
			// accounts: an invitation's and a password reset's one-time links, asking for a reset
			publicly(GET, "/invitations/{secret}"), publicly(POST, "/invitations/{secret}"), publicly(GET, "/password-reset"),
			publicly(POST, "/password-reset"), publicly(GET, "/password-reset/{secret}"), publicly(POST, "/password-reset/{secret}"),
			publicly(POST, "/api/password-reset"),
			publicly(GET, "/api/participants"), publicly(GET, "/api/participants/counts"), publicly(GET, "/api/participants/changes"),
			publicly(GET, "/api/participants/{code}"), publicly(GET, "/api/bodies"), publicly(GET, "/api/bodies/{code}"),
			publicly(GET, "/api/chairmanship"), publicly(GET, "/api/chairmanship/terms"), publicly(GET, "/api/secretariat"),
			publicly(GET, "/api/meetings"), publicly(GET, "/api/meetings/{id}"), publicly(GET, "/api/timeline"),
			// documents and decisions: anyone may ask; each record answers only to whoever may see it
			publicly(GET, "/documents"), publicly(GET, "/documents/{id}"), publicly(GET, "/documents/{id}/versions/{number}"),
			publicly(GET, "/documents/{id}/compare"), publicly(GET, "/decisions"), publicly(GET, "/decisions/{id}"),
			publicly(GET, "/decisions/{id}/status"), publicly(GET, "/api/documents"), publicly(GET, "/api/documents/{id}"),
			publicly(GET, "/api/documents/{id}/versions/{number}"), publicly(GET, "/api/documents/{id}/compare"),
			publicly(GET, "/api/documents/{id}/amendments"), publicly(GET, "/api/documents/{id}/positions"),
			publicly(GET, "/api/documents/{id}/akn"), publicly(GET, "/api/documents/{id}/pdf"), publicly(GET, "/api/decisions"),
			publicly(GET, "/api/decisions/{id}"),
			// the Catalogue of Confidence-Building Measures and States' commitments (public)
			publicly(GET, "/catalogue"), publicly(GET, "/catalogue/differences"), publicly(GET, "/commitments"),
			publicly(GET, "/api/catalogue"), publicly(GET, "/api/catalogue/editions"), publicly(GET, "/api/catalogue/differences"),
			publicly(GET, "/api/catalogue/proposed"),
			publicly(GET, "/api/commitments"), publicly(GET, "/cbm"), publicly(GET, "/cbm/reports"), publicly(GET, "/api/cbm/events"),
			publicly(GET, "/api/cbm/reports"), publicly(GET, "/api/cbm/dashboard"), publicly(GET, "/exchange"),
			publicly(GET, "/api/exchange/types"), publicly(GET, "/api/exchange/submissions"), publicly(GET, "/api/cbm/plans"),
			// the open data: the page, the data package and each table's files (the public record as the public sees it)
			publicly(GET, "/data"), publicly(GET, "/data/datapackage.json"), publicly(GET, "/data/{resource}.csv"),
			publicly(GET, "/data/{resource}.json"),
			// documentation, health, assets, errors
			publicly(GET, "/v3/api-docs"), publicly(GET, "/v3/api-docs/**"), publicly(GET, "/v3/api-docs.yaml"),
			publicly(GET, "/api-docs"), publicly(GET, "/api-docs.html"), publicly(GET, "/swagger-ui/**"), publicly(GET, "/actuator"),
			publicly(GET, "/actuator/health"), publicly(GET, "/actuator/health/**"), publicly(GET, "/actuator/info"),
			// the probes an orchestrator asks: the process answers (liveness), it serves (readiness)
			publicly(GET, "/livez"), publicly(GET, "/readyz"),
			// the metrics: the Secretariat, or a scraper with the metrics token (kurultai.metrics.token)
			RouteRule.scrapedOrOnly(GET, "/actuator/prometheus", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			publicly(GET, "/css/**"), publicly(GET, "/js/**"), publicly(GET, "/webjars/**"), publicly(GET, "/favicon.ico"),
			new RouteRule(null, "/error", true, java.util.Set.of()),
			// one's own account and tokens
			signedIn(GET, "/account"), signedIn(GET, "/api/me"), signedIn(GET, "/api/me/tokens"), signedIn(POST, "/api/me/tokens"),
			signedIn(DELETE, "/api/me/tokens/{id}"),
			// changing one's own password, signing out everywhere
			signedIn(POST, "/account/password"), signedIn(POST, "/api/me/password"), signedIn(POST, "/account/sign-out-everywhere"),
			signedIn(POST, "/api/me/sign-out-everywhere"),
			// what awaits the signed-in person (the header's count is fetched by every page once loaded)
			signedIn(GET, "/api/me/tasks"), signedIn(GET, "/me/tasks/count"),
			// one's own notifications and their settings (notices); the unsubscribe link of a mail works without signing in
			signedIn(GET, "/api/me/notifications"), signedIn(POST, "/api/me/notifications/{id}/read"),
			signedIn(POST, "/api/me/notifications/read-all"), signedIn(GET, "/api/me/notification-settings"),
			signedIn(PUT, "/api/me/notification-settings"), signedIn(GET, "/notifications"), signedIn(POST, "/notifications/{id}/read"),
			signedIn(POST, "/notifications/read-all"), signedIn(POST, "/notifications/settings"), signedIn(GET, "/me/notifications/count"),
			publicly(GET, "/unsubscribe/{token}"), publicly(POST, "/unsubscribe/{token}"),
			// delegations
			only(GET, "/accreditations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/accreditations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/accreditations", NATIONAL_COORDINATOR), only(POST, "/api/accreditations", NATIONAL_COORDINATOR),
			only(POST, "/accreditations/{id}/accredit", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/accreditations/{id}/accredit", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/accreditations/{id}/end", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/accreditations/{id}/end", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// negotiation and decision: delegations act for their State, the chair and the Secretariat conduct
			only(POST, "/api/documents", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/documents", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/documents/{id}/amendments", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/amendments", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/acceptance", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/acceptance", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/refusal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/amendments/{amendment}/cosponsorships/{participant}/refusal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/amendments/{amendment}/withdrawal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/amendments/{amendment}/withdrawal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/positions/withdrawal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/positions/withdrawal", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/positions", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/documents/{id}/positions", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/documents/{id}/revisions", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/documents/{id}/revisions", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/decisions", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/documents/{id}/decisions", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/decisions/{id}/objections", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/decisions/{id}/objections", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/decisions/{id}/votes", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/decisions/{id}/votes", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/decisions/{id}/close", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/decisions/{id}/close", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/decisions/{id}/withdrawal", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/decisions/{id}/withdrawal", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/decisions/{id}/statements", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/commitments", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/commitments", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/cbm/events", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/cbm/reports", NATIONAL_COORDINATOR, DELEGATE),
			signedIn(GET, "/api/exchange/returns"), signedIn(GET, "/api/me/reminders"),
			only(POST, "/api/cbm/annual-reports", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/cbm/plans", NATIONAL_COORDINATOR, DELEGATE, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/catalogue/editions", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/cbm/annual-reports", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/exchange/types", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/exchange/submissions", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/exchange/submissions", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/api/exchange/submissions/{id}/acknowledgement", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/exchange/submissions/{id}/acknowledgement", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR), only(POST, "/cbm/reports", NATIONAL_COORDINATOR, DELEGATE),
			only(POST, "/decisions/{id}/statements", NATIONAL_COORDINATOR, DELEGATE),
			// search: anyone may ask; the query filters what each viewer may see (search.Search, AccessPolicy.sight)
			publicly(GET, "/search"), publicly(GET, "/api/search"),
			// calendars: the page and the public feed; the personal feed is open at route level, its token checked by the handler
			publicly(GET, "/calendar"), publicly(GET, "/calendar.ics"), publicly(GET, "/api/me/calendar.ics"),
			signedIn(POST, "/api/me/calendar-token"), signedIn(DELETE, "/api/me/calendar-token"), signedIn(POST, "/calendar/token"),
			signedIn(POST, "/calendar/token/revocation"),
			// the Atom feeds, the sitemap and robots.txt (what the public may see, whoever asks)
			publicly(GET, "/feeds/decisions.atom"), publicly(GET, "/feeds/documents.atom"), publicly(GET, "/feeds/meetings.atom"),
			publicly(GET, "/feeds/timeline.atom"), publicly(GET, "/feeds/fund-projects.atom"), publicly(GET, "/sitemap.xml"), publicly(GET, "/robots.txt"),
			// the Secretariat's records
			only(POST, "/api/meetings", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(PATCH, "/api/meetings/{id}", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(PUT, "/api/meetings/{id}/agenda", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/meetings/{id}/plan", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/meetings/{id}/plan", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/meetings/{id}/agenda", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// a meeting's delegations (its national coordinator, or the Secretariat), list of participants (at the meeting's
			// access level), attendance (recorded by the Secretariat; read at the meeting's access level)
			only(GET, "/meetings/{id}/delegations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/meetings/{id}/delegations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/meetings/{id}/delegations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/meetings/{id}/delegations", NATIONAL_COORDINATOR, SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			publicly(GET, "/meetings/{id}/participants"), publicly(GET, "/meetings/{id}/participants.pdf"),
			publicly(GET, "/meetings/{id}/participants.csv"), publicly(GET, "/api/meetings/{id}/participants"),
			publicly(GET, "/api/meetings/{id}/attendance"),
			only(POST, "/api/meetings/{id}/attendance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/meetings/{id}/attendance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/meetings/{id}/attendance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// applications for a status: anyone may ask, each answers only to whoever may see it; the Secretariat records them
			publicly(GET, "/applications"), publicly(GET, "/applications/{id}"), publicly(GET, "/api/applications"),
			publicly(GET, "/api/applications/{id}"), only(POST, "/applications", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/applications", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// the CICA Fund's projects: anyone may ask, each answers only to whoever may see it (fund.ProjectPolicy decides who acts):
			// a member State's national coordinator drafts, submits, revises and reports; the Secretariat does the rest
			only(GET, "/fund/projects/new", NATIONAL_COORDINATOR), publicly(GET, "/fund/projects"), publicly(GET, "/fund/projects/{id}"),
			publicly(GET, "/api/fund/projects"), publicly(GET, "/api/fund/projects/{id}"),
			only(POST, "/fund/projects", NATIONAL_COORDINATOR), only(POST, "/api/fund/projects", NATIONAL_COORDINATOR),
			only(GET, "/fund/projects/{id}/revision", NATIONAL_COORDINATOR), only(POST, "/fund/projects/{id}/revision", NATIONAL_COORDINATOR),
			only(POST, "/api/fund/projects/{id}/revisions", NATIONAL_COORDINATOR),
			only(POST, "/fund/projects/{id}/submission", NATIONAL_COORDINATOR), only(POST, "/api/fund/projects/{id}/submission", NATIONAL_COORDINATOR),
			only(POST, "/fund/projects/{id}/reports", NATIONAL_COORDINATOR), only(POST, "/api/fund/projects/{id}/reports", NATIONAL_COORDINATOR),
			only(POST, "/fund/projects/{id}/questions", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/questions", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/projects/{id}/eligibility", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/eligibility", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/projects/{id}/decision", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/decision", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/projects/{id}/disbursements", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/disbursements", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/projects/{id}/reports/{report}/acceptance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/reports/{report}/acceptance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/projects/{id}/closing", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/projects/{id}/closing", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// the Fund's money: the overview and yearly totals for anyone; signed in, totals, statements and the annual report answer only
			// whoever fund.FundPolicy lets see them (404 otherwise); the ledger, trial balance and rates, and every write, the Secretariat's
			publicly(GET, "/fund"), signedIn(GET, "/fund/contributions"), signedIn(GET, "/fund/contributors/{id}"),
			signedIn(GET, "/fund/report/{year}"), signedIn(GET, "/fund/report/{year}.pdf"), signedIn(GET, "/fund/report/{year}.csv"),
			only(GET, "/fund/trial-balance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/contributions", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/fund/exchange-rates", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			signedIn(GET, "/api/fund/contributions"), signedIn(GET, "/api/fund/contributors"),
			signedIn(GET, "/api/fund/contributors/{id}/statement"), signedIn(GET, "/api/fund/balance"), publicly(GET, "/api/fund/totals"),
			only(GET, "/api/fund/trial-balance", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/fund/entries", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/fund/exchange-rates", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/contributions", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/entries/{id}/reversal", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/exchange-rates", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/fund/bank-charges", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// corrections of the history no decision caused
			only(POST, "/api/participants/{code}/statuses", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/participants/{code}/statuses", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// the Secretariat's corrections of the organs' history (chair terms, bodies' names, heads of the Secretariat)
			only(POST, "/api/chairmanship/terms", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/chairmanship/terms", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/bodies/{code}/names", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/bodies/{code}/names", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/secretariat/heads", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			only(POST, "/secretariat/heads", SECRETARIAT_OFFICER, SECRETARIAT_ADMINISTRATOR),
			// administration
			only(GET, "/admin/accounts", SECRETARIAT_ADMINISTRATOR), only(POST, "/admin/accounts", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/admin/accounts/{id}", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/admin/accounts/{id}/deactivation", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/admin/accounts/{id}/reactivation", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/admin/accounts/{id}/invitation", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/admin/accounts", SECRETARIAT_ADMINISTRATOR), only(POST, "/api/admin/accounts", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/admin/accounts/{id}", SECRETARIAT_ADMINISTRATOR),
			only(PATCH, "/api/admin/accounts/{id}", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/admin/accounts/{id}/deactivation", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/admin/accounts/{id}/reactivation", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/api/admin/accounts/{id}/invitation", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/admin/tokens", SECRETARIAT_ADMINISTRATOR),
			only(POST, "/admin/tokens/{id}/revoke", SECRETARIAT_ADMINISTRATOR), only(GET, "/admin/audit", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/admin/audit", SECRETARIAT_ADMINISTRATOR), only(GET, "/api/admin/audit/verification", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/admin/tokens", SECRETARIAT_ADMINISTRATOR), only(DELETE, "/api/admin/tokens/{id}", SECRETARIAT_ADMINISTRATOR),
			// the notification outbox
			only(GET, "/admin/outbox", SECRETARIAT_ADMINISTRATOR), only(POST, "/admin/outbox/{id}/retry", SECRETARIAT_ADMINISTRATOR),
			only(GET, "/api/admin/outbox", SECRETARIAT_ADMINISTRATOR), only(POST, "/api/admin/outbox/{id}/retry", SECRETARIAT_ADMINISTRATOR));

	static String[] roleNames(RouteRule rule) {
		var names = rule.roles().stream().map(Role::name);
		if (rule.scraped()) {
			names = java.util.stream.Stream.concat(names, java.util.stream.Stream.of(MetricsToken.SCRAPER));
		}
		return names.sorted().toArray(String[]::new);
	}

	static boolean isGet(RouteRule rule) {
		return HttpMethod.GET.equals(rule.method());
	}
}
