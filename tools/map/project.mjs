// Projects Natural Earth's admin-0 countries (1:50m, through the world-atlas package's TopoJSON) once into
// src/main/resources/map/countries.json: one SVG path per country, keyed by its ISO 3166-1 alpha-3 code.
// Run from this folder: npm install && node project.mjs   (see README.md)

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, simplify, quantile } from "topojson-simplify";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../src/main/resources/map/countries.json");

const WIDTH = 2000;          // the viewBox's width; coordinates are written as whole units of it
const ROTATE = -11;          // the central meridian at 11°E: the Bering Strait is the edge, Chukotka stays whole
const KEEP = 0.25;           // the share of the topology's points kept by Visvalingam simplification (shared borders stay shared)
const MIN_PART = 6;          // parts (islands) under this area in square units are dropped, but never a country's largest part
const SMALL = 30;           // a country under this area in square units gets a marker at its centroid (drawn for participants)

// Natural Earth features without an ISO 3166-1 numeric code in world-atlas: Natural Earth's own ADM0_A3 codes
const WITHOUT_ISO = {
	"Somaliland": "SOL",
	"Kosovo": "KOS",
	"N. Cyprus": "CYN",
	"Indian Ocean Ter.": "IOA",
	"Siachen Glacier": "KAS",
};

const atlas = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const atlasVersion = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"), "utf8")).version;

const pre = presimplify(atlas);
const simple = simplify(pre, quantile(pre, KEEP));

const codeOf = (geometry) => {
	if (geometry.id === undefined) {
		const code = WITHOUT_ISO[geometry.properties.name];
		if (!code) {
			throw new Error("no code for " + geometry.properties.name);
		}
		return code;
	}
	const code = countries.numericToAlpha3(geometry.id);
	if (!code) {
		throw new Error("no alpha-3 code for " + geometry.id + " " + geometry.properties.name);
	}
	return code;
};

// Antarctica is left out: no participant is there and it would take a third of the height
const all = feature(simple, simple.objects.countries).features.filter((f) => f.id !== "010");
const full = new Map(feature(atlas, atlas.objects.countries).features.map((f) => [f.properties.name + "/" + f.id, f]));

const projection = geoNaturalEarth1().rotate([ROTATE, 0]).fitWidth(WIDTH, { type: "FeatureCollection", features: all });
const path = geoPath(projection);
const [[, top], [, bottom]] = path.bounds({ type: "FeatureCollection", features: all });
projection.translate([projection.translate()[0], projection.translate()[1] - top]);
const height = Math.ceil(bottom - top);

/** A path context writing whole units, relative after each ring's first point, without repeated points. */
function writer() {
	let d = "";
	let x = 0;
	let y = 0;
	let count = 0;
	let first = true;
	const n = (v) => String(v);
	return {
		moveTo(px, py) {
			const rx = Math.round(px);
			const ry = Math.round(py);
			d += "M" + n(rx) + " " + n(ry);
			x = rx;
			y = ry;
			count = 1;
			first = true;
		},
		lineTo(px, py) {
			const rx = Math.round(px);
			const ry = Math.round(py);
			if (rx === x && ry === y) {
				return;
			}
			const dx = rx - x;
			const dy = ry - y;
			d += (first ? "l" : (dx < 0 ? "" : " ")) + n(dx) + (dy < 0 ? "" : " ") + n(dy);
			x = rx;
			y = ry;
			count++;
			first = false;
		},
		closePath() {
			d += "z";
		},
		arc() {
		},
		result() {
			return d;
		},
		points() {
			return count;
		},
	};
}

/** The country's parts (polygons), each projected; tiny islands dropped, the largest part always kept. */
function parts(f) {
	const polygons = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
	return polygons.map((coordinates) => {
		const polygon = { type: "Polygon", coordinates };
		return { polygon, area: path.area(polygon) };
	});
}

// a country's features (Australia's: the mainland and Ashmore and Cartier Islands) become one shape
const byCode = new Map();
for (const f of all) {
	if (f.geometry) {
		const code = codeOf(f);
		byCode.set(code, [...(byCode.get(code) ?? []), f]);
	}
}

const result = [];
for (const [code, features] of byCode) {
	const originals = features.map((f) => full.get(f.properties.name + "/" + f.id));
	const area = originals.reduce((sum, o) => sum + path.area(o), 0);
	const list = features.flatMap(parts);
	const largest = list.reduce((a, b) => (b.area > a.area ? b : a));
	let d = "";
	for (const part of list) {
		if (part !== largest && part.area < MIN_PART) {
			continue;
		}
		const context = writer();
		geoPath(projection, context)(part.polygon);
		if (context.points() >= 3 || part === largest) {
			d += context.result();
		}
	}
	const entry = { code, name: features[0].properties.name, d };
	if (area < SMALL) {
		const [cx, cy] = path.centroid(originals[0]);
		entry.marker = [Math.round(cx), Math.round(cy)];
	}
	result.push(entry);
}
result.sort((a, b) => a.code.localeCompare(b.code));
const codes = new Set();
for (const entry of result) {
	if (codes.has(entry.code)) {
		throw new Error("two shapes for " + entry.code);
	}
	codes.add(entry.code);
}

const document = {
	source: "Natural Earth 4.1.0, Admin 0 – Countries, 1:50m (public domain), through world-atlas " + atlasVersion
		+ " (TopoJSON); Antarctica left out",
	projection: "Natural Earth I, central meridian 11°E, " + WIDTH + " units wide; Visvalingam simplification keeping "
		+ Math.round(KEEP * 100) + "% of points; islands under " + MIN_PART + " square units dropped",
	width: WIDTH,
	height,
	countries: result,
};
writeFileSync(out, JSON.stringify(document) + "\n");
console.log(out, result.length, "countries,", JSON.stringify(document).length, "characters,",
	result.filter((c) => c.marker).length, "with markers:", result.filter((c) => c.marker).map((c) => c.code).join(" "));
