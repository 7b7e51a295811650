package org.kurultai.opendata;

import java.util.concurrent.TimeUnit;

import org.kurultai.shared.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data's files at stable addresses: {@code /data/datapackage.json} and each table as {@code /data/<name>.csv} and
 * {@code /data/<name>.json}. The same for everyone (the public record as the public sees it); {@code ETag} and
 * {@code Last-Modified} from the data versions of what the file reads, so a client holding the current file gets a
 * {@code 304}; {@code Cache-Control} as the public pages: kept, but asked again every time.
 */
@RestController
class DataFiles {

	private static final CacheControl REVALIDATE = CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic().mustRevalidate();

	private final OpenData data;

	DataFiles(OpenData data) {
		this.data = data;
	}

	@GetMapping("/data/datapackage.json")
	ResponseEntity<byte[]> dataPackage() {
		return serve(data.dataPackage());
	}

	@GetMapping("/data/{resource}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String resource) {
		return serve(data.csv(named(resource)));
	}

	@GetMapping("/data/{resource}.json")
	ResponseEntity<byte[]> json(@PathVariable String resource) {
		return serve(data.json(named(resource)));
	}

	private Resource named(String name) {
		return data.resource(name).orElseThrow(() -> NotFound.of("problem.notFound.dataResource", name));
	}

	/** The file, or a 304 (Spring MVC compares If-None-Match, else If-Modified-Since, with these validators). */
	private static ResponseEntity<byte[]> serve(OpenData.File file) {
		var lastModified = file.lastModified();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType())).eTag(file.etag())
				.headers(headers -> {
					if (lastModified != null) {
						headers.setLastModified(lastModified);
					}
				}).cacheControl(REVALIDATE).header(HttpHeaders.VARY, "Accept-Encoding").body(file.body());
	}
}
