package org.kurultai.opendata;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.kurultai.platform.Representations;
import org.kurultai.shared.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data's files at stable addresses: {@code /data/datapackage.json} and each table as {@code /data/<name>.csv} and
 * {@code /data/<name>.json}. The same for everyone (the public record as the public sees it); {@code ETag} a hash of the
 * file's bytes and {@code Last-Modified} when they last changed, so a client holding the current file gets a
 * {@code 304}, and a change the file does not show moves neither; {@code Cache-Control} as the public pages: kept, but
 * asked again every time.
 */
@RestController
class DataFiles {

	private static final CacheControl REVALIDATE = CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic().mustRevalidate();

	private final OpenData data;

	DataFiles(OpenData data) {
		this.data = data;
	}

	@GetMapping("/data/datapackage.json")
	ResponseEntity<byte[]> dataPackage(HttpServletRequest request) {
		return serve(data.dataPackage(), request);
	}

	@GetMapping("/data/{resource}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String resource, HttpServletRequest request) {
		return serve(data.csv(named(resource)), request);
	}

	@GetMapping("/data/{resource}.json")
	ResponseEntity<byte[]> json(@PathVariable String resource, HttpServletRequest request) {
		return serve(data.json(named(resource)), request);
	}

	private Resource named(String name) {
		return data.resource(name).orElseThrow(() -> NotFound.of("problem.notFound.dataResource", name));
	}

	/**
	 * The file, or a 304 when the request's {@code If-None-Match} holds its tag or {@code *} (the file exists), else when
	 * its {@code If-Modified-Since} is not older than the file's date (RFC 9110 13.1).
	 */
	private ResponseEntity<byte[]> serve(OpenData.File file, HttpServletRequest request) {
		var changedAt = file.changedAt();
		var lastModified = changedAt == null ? null : Representations.lastModified(changedAt, data.now());
		var notModified = Representations.notModified(request, file.etag(), lastModified);
		var response = ResponseEntity.status(notModified ? HttpStatus.NOT_MODIFIED : HttpStatus.OK).eTag(file.etag())
				.cacheControl(REVALIDATE).header(HttpHeaders.VARY, "Accept-Encoding");
		if (lastModified != null) {
			response.lastModified(lastModified);
		}
		return notModified ? response.build() : response.contentType(MediaType.parseMediaType(file.mediaType())).body(file.body());
	}
}
