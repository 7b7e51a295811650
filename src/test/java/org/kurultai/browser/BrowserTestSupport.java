package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Chromium per test class, a fresh browser context (cookies, storage, history) per test, the
 * application on its random port. The browser never leaves the application: every request to
 * another host is aborted, so a test cannot pass or hang because of the network.
 *
 * <p>Each test also checks, after it ran, that the page raised no JavaScript error and that no
 * stylesheet, script or htmx request of the application failed: a visitor would have seen a
 * broken page even if the assertions of the test held.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	@LocalServerPort
	int port;

	private Playwright playwright;

	private Browser browser;

	BrowserContext context;

	Page page;

	private final List<String> pageErrors = new CopyOnWriteArrayList<>();

	private final List<String> failedResources = new CopyOnWriteArrayList<>();

	@BeforeAll
	void launchChromium() {
		var executable = chromium();
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openAFreshBrowserContext() {
		openBrowserContext(true);
	}

	@AfterEach
	void closeTheBrowserContextAfterCheckingNothingBrokeOnThePage() {
		try {
			assertTrue(pageErrors.isEmpty(), () -> "JavaScript errors on the page: " + pageErrors);
			assertTrue(failedResources.isEmpty(), () -> "Requests of the page that failed: " + failedResources);
		}
		finally {
			context.close();
		}
	}

	/** Replaces the test's context, for a test that needs one without JavaScript. */
	void openBrowserContext(boolean javaScriptEnabled) {
		if (context != null) {
			context.close();
		}
		pageErrors.clear();
		failedResources.clear();
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setLocale("en-US")
				.setViewportSize(1280, 900).setJavaScriptEnabled(javaScriptEnabled));
		// waits on conditions, bounded generously: on a machine whose CPU another process saturates a page may take seconds
		// (the Swagger UI's title once took more than 5 s at load average 7); a condition met returns at once
		context.setDefaultTimeout(20_000);
		context.setDefaultNavigationTimeout(30_000);
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
		context.route(url -> !url.startsWith(baseUrl()), Route::abort);
		page = context.newPage();
		page.onPageError(pageErrors::add);
		page.onResponse(response -> {
			if (!response.request().isNavigationRequest() && response.url().startsWith(baseUrl()) && response.status() >= 400) {
				failedResources.add(response.status() + " " + response.url());
			}
		});
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	/** Types the address in the address bar; the answer must be a page, not an error. */
	Response open(String path) {
		var response = visit(path);
		assertTrue(response.status() < 400, () -> path + " answered " + response.status());
		assertThat(page.locator(".problem")).hasCount(0);
		return response;
	}

	/** Types the address in the address bar, whatever the answer. */
	Response visit(String path) {
		try {
			var response = page.navigate(path);
			assertNotNull(response, () -> "no response for " + path);
			return response;
		}
		catch (TimeoutError timeout) {
			throw new AssertionError(path + " never finished loading: the browser is still waiting for the rest of the page"
					+ " (a response cut short by an error while rendering?)", timeout);
		}
	}

	/** Clicks and returns the answer of the page the click leads to (after any redirect). */
	Response follow(Runnable click) {
		return page.waitForResponse(response -> response.request().isNavigationRequest()
				&& response.frame() == page.mainFrame() && (response.status() < 300 || response.status() >= 400), click);
	}

	/** Signs in through the sign-in page as a person would (by the fields' labels and the button's name), and follows it. */
	Response signIn(String email, String password) {
		visit("/login");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password").fill(password);
		return follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
	}

	/** Signs in as a test account (the password {@code Delegations} gives every account) and checks the sign-in page was left. */
	void signInAs(String email) {
		signIn(email, org.kurultai.Delegations.PASSWORD);
		org.junit.jupiter.api.Assertions.assertTrue(!page.url().contains("/login"), () -> "signed in as " + email + ": " + page.url());
	}

	/** The page's only heading of level one. */
	void assertHeading(String text) {
		assertThat(page.locator("h1")).hasCount(1);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(text);
	}

	/** Saves the whole page, top to bottom, for a person to look at; it must be an image of some size. */
	Path screenshot(String name) {
		var file = screenshotFile(name);
		var png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
		assertTrue(png.length > 10_000, () -> "suspiciously small screenshot: " + png.length + " bytes");
		assertEquals(0x89, png[0] & 0xff, "a PNG");
		return file;
	}

	/** target/screenshots/{name}.png, the folder made if need be. */
	static Path screenshotFile(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			return SCREENSHOTS.resolve(name + ".png");
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
	}

	/** Nothing on the page is wider than the window: no sideways scrolling at 1280 pixels. */
	void assertNoSidewaysScrolling() {
		var overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertEquals(0, ((Number) overflow).intValue(), "the page scrolls sideways by that many pixels");
	}

	/**
	 * The Chromium to drive: CHROMIUM_PATH if set, else /usr/bin/chromium, else the first chromium
	 * on the PATH. Browser downloads are impossible here, so a missing Chromium fails the tests.
	 */
	static Path chromium() {
		var configured = System.getenv("CHROMIUM_PATH");
		if (configured != null && !configured.isBlank()) {
			var path = Paths.get(configured);
			if (!Files.isExecutable(path)) {
				fail("CHROMIUM_PATH is " + configured + ", which is not an executable file");
			}
			return path;
		}
		var debian = Paths.get("/usr/bin/chromium");
		if (Files.isExecutable(debian)) {
			return debian;
		}
		var searchPath = System.getenv("PATH");
		if (searchPath != null) {
			for (var directory : searchPath.split(File.pathSeparator)) {
				var candidate = Paths.get(directory, "chromium");
				if (!directory.isBlank() && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return fail("No Chromium: set CHROMIUM_PATH or install it (apt-get install -y chromium); Playwright cannot download one here");
	}
}
